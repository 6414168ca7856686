using Polly.Timeout;

namespace MiniApp.WeChat.Tests;

public class WeChatClientResilienceFacts
{
    private const string Session = """{"openid":"oUser123456789","session_key":"c2Vzc2lvbi1rZXktMTY="}""";
    private const string Busy = """{"errcode":-1,"errmsg":"system error, rid: 1"}""";

    [Fact]
    public async Task Code2Session_ThrowsInvalidCodeWithoutRetry_WhenCodeWasUsed()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, """{"errcode":40029,"errmsg":"invalid code, rid: 2"}""");
        host.Stub.OtherwiseJson(WeChatPaths.Code2Session, Session); // a retry would wrongly succeed here

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Login(host, "used-code"));

        Assert.True(ex.IsInvalidCode);
        Assert.Equal("jscode2session", ex.Api);
        Assert.Equal(WeChatErrorCodes.InvalidCode, ex.ErrCode);
        Assert.Single(host.Stub.To(WeChatPaths.Code2Session));
    }

    [Theory]
    [InlineData(WeChatErrorCodes.CodeBeenUsed)]
    [InlineData(WeChatErrorCodes.MinuteQuota)]
    [InlineData(WeChatErrorCodes.HighRiskUser)]
    [InlineData(WeChatErrorCodes.InvalidCredential)]
    public async Task Code2Session_DoesNotRetry_WhenErrCodeIsNotBusy(int errCode)
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, $$"""{"errcode":{{errCode}},"errmsg":"no, rid: 3"}""");
        host.Stub.OtherwiseJson(WeChatPaths.Code2Session, Session);

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Login(host));

        Assert.Equal(errCode, ex.ErrCode);
        Assert.Single(host.Stub.To(WeChatPaths.Code2Session));
    }

    [Fact]
    public async Task Code2Session_RetriesAndSucceeds_WhenWeChatIsBusyOnce()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, Busy).EnqueueJson(WeChatPaths.Code2Session, Session);

        var session = await Login(host);

        Assert.Equal("oUser123456789", session.OpenId);
        Assert.Equal(2, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Code2Session_ThrowsUnavailable_AfterOnePlusMaxRetriesAttempts_WhenAlwaysBusy(int maxRetries)
    {
        await using var host = new WeChatTestHost(settings => settings["WeChat:MaxRetries"] = maxRetries.ToString());
        host.Stub.OtherwiseJson(WeChatPaths.Code2Session, Busy);

        var ex = await Assert.ThrowsAsync<WeChatUnavailableException>(() => Login(host));

        Assert.Equal("jscode2session", ex.Api);
        Assert.Equal(1 + maxRetries, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Code2Session_RetriesAndSucceeds_WhenServerAnswers5xx(HttpStatusCode status)
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, "<html>bad gateway</html>", status).EnqueueJson(WeChatPaths.Code2Session, Session);

        var session = await Login(host);

        Assert.Equal("oUser123456789", session.OpenId);
        Assert.Equal(2, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Fact]
    public async Task Code2Session_ThrowsUnavailable_WhenEveryAttemptAnswers503()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Otherwise(WeChatPaths.Code2Session, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));

        await Assert.ThrowsAsync<WeChatUnavailableException>(() => Login(host));

        Assert.Equal(3, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Fact]
    public async Task Code2Session_DoesNotRetry_WhenServerAnswers4xx()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Otherwise(WeChatPaths.Code2Session, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));

        await Assert.ThrowsAsync<WeChatUnavailableException>(() => Login(host));

        Assert.Single(host.Stub.To(WeChatPaths.Code2Session));
    }

    [Fact]
    public async Task Code2Session_RetriesThenThrowsUnavailable_WhenNetworkFails()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Otherwise(WeChatPaths.Code2Session,
            (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));

        var ex = await Assert.ThrowsAsync<WeChatUnavailableException>(() => Login(host));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(3, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Fact]
    public async Task Code2Session_RetriesAndSucceeds_WhenNetworkFailsOnce()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Enqueue(WeChatPaths.Code2Session, (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("reset")));
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, Session);

        var session = await Login(host);

        Assert.Equal("oUser123456789", session.OpenId);
        Assert.Equal(2, host.Stub.To(WeChatPaths.Code2Session).Count);
    }

    [Fact]
    public async Task Code2Session_RetriesAndSucceeds_WhenAnAttemptTimesOut()
    {
        await using var host = new WeChatTestHost(NoRetryDelay, fakeResilienceClock: true);
        var hung = new HungAttempts();
        host.Stub.Enqueue(WeChatPaths.Code2Session, hung.Hang).EnqueueJson(WeChatPaths.Code2Session, Session);
        var started = host.ResilienceClock.GetUtcNow();

        var login = host.Client.Code2SessionAsync("code");
        await host.TimeOutHungAttempts(login, () => hung.Count, AttemptTimeout);

        Assert.Equal("oUser123456789", (await login).OpenId);
        Assert.Equal(2, host.Stub.To(WeChatPaths.Code2Session).Count);
        Assert.Equal(1, hung.Count);
        // One attempt timeout passed on the clock Polly runs on, and nothing else: the first attempt was cut at 5 s.
        Assert.Equal(AttemptTimeout, host.ResilienceClock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Code2Session_ThrowsUnavailable_WhenEveryAttemptTimesOut()
    {
        await using var host = new WeChatTestHost(NoRetryDelay, fakeResilienceClock: true);
        var hung = new HungAttempts();
        host.Stub.Otherwise(WeChatPaths.Code2Session, hung.Hang);
        var started = host.ResilienceClock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<WeChatUnavailableException>(
            () => host.TimeOutHungAttempts(host.Client.Code2SessionAsync("code"), () => hung.Count, AttemptTimeout));

        Assert.IsType<TimeoutRejectedException>(ex.InnerException);
        Assert.Equal(3, host.Stub.To(WeChatPaths.Code2Session).Count);
        Assert.Equal(3, hung.Count);
        // Three attempts of 5 s; the total timeout (3 × 5 s) ends the call as the third one times out.
        Assert.Equal(3 * AttemptTimeout, host.ResilienceClock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Code2Session_PassesCancellationThrough_WhenCallerCancels()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Otherwise(WeChatPaths.Code2Session, Hang);
        using var cancellation = new CancellationTokenSource();

        var call = host.Client.Code2SessionAsync("code", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(host.Stub.To(WeChatPaths.Code2Session));
    }

    [Fact]
    public async Task SendSubscribeMessage_RetriesPostWithSameBody_WhenWeChatIsBusyOnce()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, Busy).EnqueueJson(WeChatPaths.SubscribeSend, """{"errcode":0,"errmsg":"ok"}""");

        var message = new SubscribeMessage("oUser123456789", "tmpl", new Dictionary<string, string> { ["thing1"] = "审核通过" });

        await host.Client.SendSubscribeMessageAsync(message).WaitAsync(WeChatTestHost.Patience);

        var sends = host.Stub.To(WeChatPaths.SubscribeSend);
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].Body, sends[1].Body);
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task GetToken_RetriesStableToken_WhenWeChatIsBusyOnce()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.StableToken, Busy);
        host.IssueTokens("TOKEN_1");

        var token = await host.Tokens.GetTokenAsync().AsTask().WaitAsync(WeChatTestHost.Patience);

        Assert.Equal("TOKEN_1", token);
        Assert.Equal(2, host.Stub.To(WeChatPaths.StableToken).Count);
    }

    // Retries run on real time although DI's TimeProvider is a frozen fake; a hang here means they stopped doing so.
    private static Task<WeChatSession> Login(WeChatTestHost host, string code = "code") =>
        host.Client.Code2SessionAsync(code).WaitAsync(WeChatTestHost.Patience);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    // No retry delay: the attempt timeouts are then the only timers on the resilience clock.
    private static void NoRetryDelay(Dictionary<string, string?> settings) => settings["WeChat:RetryBaseDelay"] = "00:00:00";

    /// <summary>Answers never, and counts the attempts it holds.</summary>
    private sealed class HungAttempts
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public async Task<HttpResponseMessage> Hang(RecordedRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private static async Task<HttpResponseMessage> Hang(RecordedRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
