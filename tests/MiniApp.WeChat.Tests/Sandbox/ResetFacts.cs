namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class ResetFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Fact]
    public async Task Reset_ForgetsLoginCodesAndUsers_WhenCalled()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        await Sandbox.ResetAsync();

        Assert.Equal(40029, SandboxHost.Errcode(await Sandbox.CodeToSessionAsync(login.Code)));
        var check = await Sandbox.PostWeChatAsync(
            "/wxa/msg_sec_check", new { version = 2, openid = login.Openid, scene = 2, content = "你好" }, await Sandbox.TokenAsync());
        Assert.Equal(40003, SandboxHost.Errcode(check));
    }

    [Fact]
    public async Task Reset_RevokesTokens_WhenCalled()
    {
        var old = await Sandbox.TokenAsync();

        await Sandbox.ResetAsync();

        var response = await Sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid = "o1", scene = 2, content = "你好" }, old);
        Assert.Equal(40001, SandboxHost.Errcode(response));
        Assert.NotEqual(old, await Sandbox.TokenAsync());
    }

    [Fact]
    public async Task Reset_ClearsGrantsAndSentMessages_WhenCalled()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, "tmpl", 2);
        var token = await Sandbox.TokenAsync();
        await Sandbox.PostWeChatAsync("/cgi-bin/message/subscribe/send", new { touser = openid, template_id = "tmpl", data = new { thing1 = new { value = "x" } } }, token);

        await Sandbox.ResetAsync();
        await Sandbox.NewLoginCodeAsync(openid: openid);
        var send = await Sandbox.PostWeChatAsync(
            "/cgi-bin/message/subscribe/send", new { touser = openid, template_id = "tmpl", data = new { thing1 = new { value = "x" } } }, await Sandbox.TokenAsync());

        Assert.Equal(43101, SandboxHost.Errcode(send));
        Assert.Equal(0, (await Sandbox.GetJsonAsync("/__sandbox/sent-messages")).GetArrayLength());
    }

    [Fact]
    public async Task Reset_DropsQueuedFaults_WhenCalled()
    {
        await Sandbox.AddFaultAsync(new { api = "stable_token", errcode = -1, times = 5 });

        await Sandbox.ResetAsync();

        Assert.True((await Sandbox.StableTokenAsync()).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Reset_RewindsTheClock_WhenItWasAdvanced()
    {
        await Sandbox.AdvanceClockAsync(86_400);

        await Sandbox.ResetAsync();

        using var response = await Sandbox.ControlAsync("clock/advance", new { seconds = 0 });
        var now = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
