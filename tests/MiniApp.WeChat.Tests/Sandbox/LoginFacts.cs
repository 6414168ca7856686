namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class LoginFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Fact]
    public async Task CodeToSession_ReturnsTheLoginsOpenIdAndSessionKey_WhenCodeIsFresh()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var session = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal(login.Openid, session.GetProperty("openid").GetString());
        Assert.Equal(login.SessionKey, session.GetProperty("session_key").GetString());
        Assert.False(session.TryGetProperty("unionid", out _));
        Assert.False(session.TryGetProperty("errcode", out _));
    }

    [Fact]
    public async Task LoginCodes_CreatesWeChatShapedIds_WhenNoneAreGiven()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        Assert.Matches("^o[A-Za-z0-9_-]{27}$", login.Openid);
        Assert.Equal(16, Convert.FromBase64String(login.SessionKey).Length);
    }

    [Fact]
    public async Task CodeToSession_ReturnsUnionId_WhenCodeWasIssuedWithOne()
    {
        var login = await Sandbox.NewLoginCodeAsync(openid: "oUnionUser0000000000000000001", unionid: "oUnion0000000000000000000001");

        var session = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal("oUnionUser0000000000000000001", session.GetProperty("openid").GetString());
        Assert.Equal("oUnion0000000000000000000001", session.GetProperty("unionid").GetString());
    }

    [Fact]
    public async Task CodeToSession_Returns40029WithRid_WhenCodeIsUsedTwice()
    {
        var login = await Sandbox.NewLoginCodeAsync();
        await Sandbox.CodeToSessionAsync(login.Code);

        var second = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal(40029, SandboxHost.Errcode(second));
        Assert.Matches("^invalid code rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$", second.GetProperty("errmsg").GetString());
    }

    [Fact]
    public async Task CodeToSession_Returns40029_WhenCodeIsOlderThanFiveMinutes()
    {
        var login = await Sandbox.NewLoginCodeAsync();
        await Sandbox.AdvanceClockAsync(301);

        var session = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal(40029, SandboxHost.Errcode(session));
    }

    [Fact]
    public async Task CodeToSession_Succeeds_WhenCodeIsJustUnderFiveMinutesOld()
    {
        var login = await Sandbox.NewLoginCodeAsync();
        await Sandbox.AdvanceClockAsync(299);

        var session = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal(login.Openid, session.GetProperty("openid").GetString());
    }

    [Fact]
    public async Task CodeToSession_Returns40029_WhenCodeWasNeverIssued()
    {
        var session = await Sandbox.CodeToSessionAsync("0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d");

        Assert.Equal(40029, SandboxHost.Errcode(session));
    }

    [Fact]
    public async Task CodeToSession_Returns40125AndKeepsTheCode_WhenSecretIsWrong()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var wrong = await Sandbox.CodeToSessionAsync(login.Code, secret: "not-the-secret");
        var right = await Sandbox.CodeToSessionAsync(login.Code);

        Assert.Equal(40125, SandboxHost.Errcode(wrong));
        Assert.Equal(login.Openid, right.GetProperty("openid").GetString());
    }

    [Fact]
    public async Task CodeToSession_Returns40013_WhenAppIdIsWrong()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var session = await Sandbox.CodeToSessionAsync(login.Code, appId: "wx0000000000000000");

        Assert.Equal(40013, SandboxHost.Errcode(session));
    }

    [Fact]
    public async Task CodeToSession_SucceedsExactlyOnce_WhenOneCodeIsUsedConcurrently()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Sandbox.CodeToSessionAsync(login.Code)));

        Assert.Single(results, r => r.TryGetProperty("openid", out _));
        Assert.Equal(9, results.Count(r => SandboxHost.Errcode(r) == 40029));
    }

    [Fact]
    public async Task LoginCodes_RotatesSessionKey_WhenTheSameUserLogsInAgain()
    {
        var first = await Sandbox.NewLoginCodeAsync();
        var second = await Sandbox.NewLoginCodeAsync(openid: first.Openid);

        var session = await Sandbox.CodeToSessionAsync(second.Code);

        Assert.NotEqual(first.SessionKey, second.SessionKey);
        Assert.Equal(second.SessionKey, session.GetProperty("session_key").GetString());
    }

    [Theory]
    [InlineData("{\"sessionKey\":\"too-short\"}")]
    [InlineData("{\"openid\":\"has space\"}")]
    [InlineData("not json")]
    public async Task LoginCodes_Returns400WithError_WhenInputIsBad(string body)
    {
        using var response = await Sandbox.Http.PostAsync("/__sandbox/login-codes", new StringContent(body));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
    }
}
