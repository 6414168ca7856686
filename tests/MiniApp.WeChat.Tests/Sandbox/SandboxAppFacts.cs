using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class SandboxAppFacts
{
    [Fact]
    public async Task Create_UsesConfiguredAppIdSecretAndLifetime_WhenSandboxSectionIsSet()
    {
        await using var sandbox = await SandboxHost.StartAsync(b =>
        {
            b.Configuration["Sandbox:AppId"] = "wxconfigured000001";
            b.Configuration["Sandbox:AppSecret"] = "configured-secret";
            b.Configuration["Sandbox:TokenLifetimeSeconds"] = "600";
        });

        var defaults = await sandbox.StableTokenAsync();
        var configured = await sandbox.StableTokenAsync(appId: "wxconfigured000001", secret: "configured-secret");

        Assert.Equal(40013, SandboxHost.Errcode(defaults));
        Assert.Equal(600, configured.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Create_TakesTimeFromTheInjectedTimeProvider_WhenOneIsRegistered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxHost.StartAsync(b => b.Services.AddSingleton<TimeProvider>(time));
        var login = await sandbox.NewLoginCodeAsync();

        time.Advance(TimeSpan.FromSeconds(301));

        Assert.Equal(40029, SandboxHost.Errcode(await sandbox.CodeToSessionAsync(login.Code)));
    }

    [Fact]
    public async Task Create_FailsToStart_WhenTokenLifetimeIsInvalid()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(
            () => SandboxHost.StartAsync(b => b.Configuration["Sandbox:TokenLifetimeSeconds"] = "0"));
    }

    [Fact]
    public async Task Index_ListsTheControlEndpoints_WhenBrowsedWithCurl()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var index = await sandbox.GetJsonAsync("/");
        using var health = await sandbox.Http.GetAsync("/health");

        var control = string.Join('\n', index.GetProperty("controlApis").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("/__sandbox/login-codes", control);
        Assert.Contains("/__sandbox/faults", control);
        Assert.Contains("/__sandbox/reset", control);
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task WeChatErrors_KeepChineseUnescaped_WhenWritingJson()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.GrantAsync("oRaw0000000000000000000000001", "tmpl", 1);
        var token = await sandbox.TokenAsync();
        await sandbox.PostWeChatAsync(
            "/cgi-bin/message/subscribe/send", new { touser = "oRaw0000000000000000000000001", template_id = "tmpl", data = new { thing1 = new { value = "审核通过" } } }, token);

        var raw = await sandbox.Http.GetStringAsync("/__sandbox/sent-messages");

        Assert.Contains("审核通过", raw);
    }
}
