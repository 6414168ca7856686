using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiniApp.WeChat.Tests;

public class WeChatServiceCollectionFacts
{
    [Theory]
    [InlineData("AppSecret", "")]
    [InlineData("AttemptTimeout", "00:00:00")]
    [InlineData("MaxRetries", "6")]
    [InlineData("BaseUrl", "not a url")]
    public void AddWeChatClient_FailsStartupValidation_WhenASettingIsInvalid(string name, string value)
    {
        var settings = new Dictionary<string, string?> { ["WeChat:AppId"] = "wx1", ["WeChat:AppSecret"] = "s", [$"WeChat:{name}"] = value };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddWeChatClient();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void AddWeChatClient_BindsTheGivenSection()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Integrations:MiniApp:AppId"] = "wx-custom",
                ["Integrations:MiniApp:AppSecret"] = "s",
                ["Integrations:MiniApp:MaxRetries"] = "4",
            })
            .Build());
        services.AddWeChatClient("Integrations:MiniApp");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WeChatOptions>>().Value;

        Assert.Equal(("wx-custom", 4), (options.AppId, options.MaxRetries));
    }

    [Fact]
    public async Task AddWeChatClient_ResolvesRelativeToBaseUrl_KeepingItsPath()
    {
        await using var host = new WeChatTestHost(settings => settings["WeChat:BaseUrl"] = "http://127.0.0.1:5099/wechat-sandbox");
        host.Stub.OtherwiseJson("wechat-sandbox/" + WeChatPaths.Code2Session, """{"openid":"o","session_key":"k"}""");

        await host.Client.Code2SessionAsync("code");

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal("http://127.0.0.1:5099/wechat-sandbox/sns/jscode2session", request.Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task AddWeChatClient_RegistersOneTokenProviderForTheApp()
    {
        await using var host = new WeChatTestHost();

        Assert.Same(host.Services.GetRequiredService<IAccessTokenProvider>(), host.Services.GetRequiredService<IAccessTokenProvider>());
        Assert.Same(host.Time, host.Services.GetRequiredService<TimeProvider>());
    }
}
