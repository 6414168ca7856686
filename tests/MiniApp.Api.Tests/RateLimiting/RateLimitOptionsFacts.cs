using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Tests.RateLimiting;

public sealed class RateLimitOptionsFacts
{
    private static RateLimitOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddApiRateLimiting(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<RateLimitOptions>>().Value;
    }

    [Fact]
    public void Options_KeepTheDefaultWindow_WhenOnlyTheCountIsSet()
    {
        var options = Bind(new() { ["RateLimits:NearbyPerAddress:PermitLimit"] = "1000" });

        Assert.Equal(1000, options.NearbyPerAddress.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), options.NearbyPerAddress.Window);
        Assert.Equal(10, options.WorkerWritesPerAccount.PermitLimit);
    }

    [Theory]
    [InlineData("RateLimits:StaffLoginPerAddress:PermitLimit", "0")]
    [InlineData("RateLimits:WorkerWritesPerAccountDaily:Window", "00:00:00")]
    [InlineData("RateLimits:WorkerLoginPerAddress:Window", "30.00:00:00")]
    public void Options_FailValidation_WhenALimitCannotWork(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));
}
