using System.Diagnostics;

namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class FaultFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Fact]
    public async Task Faults_FailExactlyTimesCalls_WhenErrcodeIsGiven()
    {
        await Sandbox.AddFaultAsync(new { api = "stable_token", errcode = -1, times = 2 });

        var first = await Sandbox.StableTokenAsync();
        var second = await Sandbox.StableTokenAsync();
        var third = await Sandbox.StableTokenAsync();

        Assert.Equal(-1, SandboxHost.Errcode(first));
        Assert.Matches("^system error rid: [0-9a-f-]+$", first.GetProperty("errmsg").GetString());
        Assert.Equal(-1, SandboxHost.Errcode(second));
        Assert.Equal(0, SandboxHost.Errcode(third));
        Assert.True(third.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Faults_AnswerBareHttpStatus_WhenHttpStatusIsGiven()
    {
        await Sandbox.AddFaultAsync(new { api = "jscode2session", httpStatus = 503, times = 1 });
        var login = await Sandbox.NewLoginCodeAsync();
        var url = $"/sns/jscode2session?appid={SandboxHost.AppId}&secret={SandboxHost.AppSecret}&js_code={login.Code}&grant_type=authorization_code";

        using var failed = await Sandbox.Http.GetAsync(url);
        using var retried = await Sandbox.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Empty(await failed.Content.ReadAsByteArrayAsync());
        Assert.Equal(login.Openid, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openid").GetString());
    }

    [Fact]
    public async Task Faults_PlayInTheOrderAdded_WhenSeveralAreQueued()
    {
        await Sandbox.AddFaultAsync(new { api = "stable_token", errcode = 45011, times = 1 });
        await Sandbox.AddFaultAsync(new { api = "stable_token", httpStatus = 502, times = 1 });

        var first = await Sandbox.StableTokenAsync();
        using var second = await Sandbox.PostRawAsync("/cgi-bin/stable_token", "{}");
        var third = await Sandbox.StableTokenAsync();

        Assert.Equal(45011, SandboxHost.Errcode(first));
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.True(third.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Faults_DelayThenAnswerNormally_WhenOnlyDelayIsGiven()
    {
        await Sandbox.AddFaultAsync(new { api = "stable_token", delayMs = 400, times = 1 });
        var stopwatch = Stopwatch.StartNew();

        var response = await Sandbox.StableTokenAsync();

        Assert.True(stopwatch.ElapsedMilliseconds >= 380, $"answered after {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(response.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Faults_TripTheCallersTimeout_WhenDelayIsLongerThanIt()
    {
        await Sandbox.AddFaultAsync(new { api = "stable_token", delayMs = 5000, times = 1 });
        using var impatient = new HttpClient { BaseAddress = Sandbox.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        var body = new { grant_type = "client_credential", appid = SandboxHost.AppId, secret = SandboxHost.AppSecret };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsJsonAsync("/cgi-bin/stable_token", body));
        var next = await Sandbox.StableTokenAsync();

        Assert.True(next.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Faults_AffectOnlyTheirApi_WhenAnotherApiIsCalled()
    {
        await Sandbox.AddFaultAsync(new { api = "msg_sec_check", errcode = -1, times = 1 });

        var token = await Sandbox.StableTokenAsync();

        Assert.True(token.TryGetProperty("access_token", out _));
    }

    [Theory]
    [InlineData("jscode2session")]
    [InlineData("stable_token")]
    [InlineData("getuserphonenumber")]
    [InlineData("subscribe_send")]
    [InlineData("getwxacodeunlimit")]
    [InlineData("msg_sec_check")]
    public async Task Faults_ReachTheNamedApi_WhenAdded(string api)
    {
        var token = await Sandbox.TokenAsync();
        await Sandbox.AddFaultAsync(new { api, errcode = 45009, times = 1 });

        var response = api switch
        {
            "jscode2session" => await Sandbox.CodeToSessionAsync((await Sandbox.NewLoginCodeAsync()).Code),
            "stable_token" => await Sandbox.StableTokenAsync(),
            "getuserphonenumber" => await Sandbox.PostWeChatAsync("/wxa/business/getuserphonenumber", new { code = "x" }, token),
            "subscribe_send" => await Sandbox.PostWeChatAsync("/cgi-bin/message/subscribe/send", new { touser = "o1" }, token),
            "getwxacodeunlimit" => await Sandbox.PostWeChatAsync("/wxa/getwxacodeunlimit", new { scene = "s=1" }, token),
            _ => await Sandbox.PostWeChatAsync("/wxa/msg_sec_check", new { version = 2, openid = "o1", scene = 1, content = "hi" }, token),
        };

        Assert.Equal(45009, SandboxHost.Errcode(response));
    }

    [Theory]
    [InlineData("{\"api\":\"code2session\",\"errcode\":-1,\"times\":1}")]
    [InlineData("{\"api\":\"stable_token\",\"errcode\":-1,\"httpStatus\":503,\"times\":1}")]
    [InlineData("{\"api\":\"stable_token\",\"times\":1}")]
    [InlineData("{\"api\":\"stable_token\",\"errcode\":-1,\"times\":0}")]
    [InlineData("{\"api\":\"stable_token\",\"httpStatus\":99}")]
    public async Task Faults_Returns400_WhenInputIsBad(string body)
    {
        using var response = await Sandbox.Http.PostAsync("/__sandbox/faults", new StringContent(body));
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
    }
}
