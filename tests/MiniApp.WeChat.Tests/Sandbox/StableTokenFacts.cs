namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class StableTokenFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Fact]
    public async Task StableToken_ReturnsSameTokenWithRemainingLifetime_WhenCalledAgainWhileValid()
    {
        var first = await Sandbox.StableTokenAsync();
        await Sandbox.AdvanceClockAsync(100);

        var second = await Sandbox.StableTokenAsync();

        Assert.Equal(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.Equal(7200, first.GetProperty("expires_in").GetInt32());
        Assert.InRange(second.GetProperty("expires_in").GetInt32(), 7095, 7100);
        Assert.True(first.GetProperty("access_token").GetString()!.Length >= 128);
    }

    [Fact]
    public async Task StableToken_ReturnsNewToken_WhenOldOneExpired()
    {
        var old = await Sandbox.TokenAsync();
        await Sandbox.AdvanceClockAsync(7200);

        var renewed = await Sandbox.TokenAsync();

        Assert.NotEqual(old, renewed);
        Assert.Equal(42001, await BusinessErrcodeAsync(old));
        Assert.Equal(0, await BusinessErrcodeAsync(renewed));
    }

    [Fact]
    public async Task StableToken_RenewsButKeepsOldTokenValid_WhenFewerThan300SecondsRemain()
    {
        var old = await Sandbox.TokenAsync();
        await Sandbox.AdvanceClockAsync(7200 - 299);

        var renewed = await Sandbox.StableTokenAsync();

        Assert.NotEqual(old, renewed.GetProperty("access_token").GetString());
        Assert.Equal(7200, renewed.GetProperty("expires_in").GetInt32());
        Assert.Equal(0, await BusinessErrcodeAsync(old));
    }

    [Fact]
    public async Task StableToken_InvalidatesOldToken_WhenForceRefreshIsSet()
    {
        var old = await Sandbox.TokenAsync();

        var forced = (await Sandbox.StableTokenAsync(forceRefresh: true)).GetProperty("access_token").GetString()!;

        Assert.NotEqual(old, forced);
        Assert.Equal(40001, await BusinessErrcodeAsync(old));
        Assert.Equal(0, await BusinessErrcodeAsync(forced));
        Assert.Equal(forced, await Sandbox.TokenAsync());
    }

    [Theory]
    [InlineData("wx0000000000000000", SandboxHost.AppSecret, 40013)]
    [InlineData(SandboxHost.AppId, "not-the-secret", 40125)]
    [InlineData("", SandboxHost.AppSecret, 41002)]
    public async Task StableToken_ReturnsAppError_WhenCredentialsAreWrong(string appId, string secret, int errcode)
    {
        var response = await Sandbox.StableTokenAsync(appId: appId, secret: secret);

        Assert.Equal(errcode, SandboxHost.Errcode(response));
        Assert.False(response.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task StableToken_Returns40002_WhenGrantTypeIsWrong()
    {
        var response = await Sandbox.PostWeChatAsync(
            "/cgi-bin/stable_token", new { grant_type = "authorization_code", appid = SandboxHost.AppId, secret = SandboxHost.AppSecret });

        Assert.Equal(40002, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task StableToken_Returns47001_WhenBodyIsNotJson()
    {
        using var response = await Sandbox.PostRawAsync("/cgi-bin/stable_token", "grant_type=client_credential&appid=x");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(47001, SandboxHost.Errcode(body));
    }

    [Fact]
    public async Task BusinessApi_Returns41001_WhenAccessTokenIsMissing()
    {
        var response = await Sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid = "o1", scene = 1, content = "hi" });

        Assert.Equal(41001, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task BusinessApi_Returns41001_WhenAccessTokenIsOnlyInTheBody()
    {
        var token = await Sandbox.TokenAsync();

        var response = await Sandbox.PostWeChatAsync("/wxa/getwxacodeunlimit", new { access_token = token, scene = "s=1" });

        Assert.Equal(41001, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task BusinessApi_Returns40001_WhenAccessTokenIsUnknown()
    {
        await Sandbox.TokenAsync();

        Assert.Equal(40001, await BusinessErrcodeAsync("made-up-token"));
    }

    /// <summary>The errcode of a clean msg_sec_check for a known user: 0 exactly when the token is accepted.</summary>
    private async Task<int> BusinessErrcodeAsync(string token)
    {
        var openid = await Sandbox.NewUserAsync();
        var response = await Sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid, scene = 2, content = "你好" }, token);
        return SandboxHost.Errcode(response);
    }
}
