using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>A key too short to be safe stops the API at start-up, before any request is served.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartupValidationFacts(ApiFixture api)
{
    [Theory]
    [InlineData("Privacy:LookupKey", 16)]
    [InlineData("Privacy:LookupKey", 31)]
    [InlineData("Privacy:Keys:t1", 16)]
    public void Start_Fails_WhenAPrivacyKeyIsTooShort(string setting, int bytes)
    {
        using var factory = api.CreateFactory(builder =>
            builder.UseSetting(setting, Convert.ToBase64String(new byte[bytes])));

        var failure = Record.Exception(() => factory.Server);

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains(setting, validation.Message);
    }

    [Fact]
    public void Start_Fails_WhenTheLookupKeyIsNotBase64()
    {
        using var factory = api.CreateFactory(builder => builder.UseSetting("Privacy:LookupKey", "not base64 at all!"));
        Assert.IsType<OptionsValidationException>(Unwrap(Record.Exception(() => factory.Server)));
    }

    private static Exception? Unwrap(Exception? exception) => exception is AggregateException { InnerExceptions.Count: 1 } aggregate
        ? Unwrap(aggregate.InnerException)
        : exception;
}
