using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Moq;

namespace MiniApp.WeChat.Tests;

public class AccessTokenProviderFacts
{
    [Fact]
    public async Task GetToken_PostsStableTokenInNormalMode()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");

        Assert.Equal("TOKEN_1", await host.Tokens.GetTokenAsync());

        var request = Assert.Single(host.Stub.To(WeChatPaths.StableToken));
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Empty(request.Query);
        Assert.Equal("client_credential", request.Json.GetProperty("grant_type").GetString());
        Assert.Equal(WeChatTestHost.AppId, request.Json.GetProperty("appid").GetString());
        Assert.Equal(WeChatTestHost.AppSecret, request.Json.GetProperty("secret").GetString());
        Assert.False(request.Json.GetProperty("force_refresh").GetBoolean());
    }

    [Fact]
    public async Task GetToken_ServesCachedToken_WhenCalledAgain()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2");

        await host.Tokens.GetTokenAsync();
        var second = await host.Tokens.GetTokenAsync();

        Assert.Equal("TOKEN_1", second);
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task GetToken_Refetches_WhenRefreshMarginIsReached()
    {
        await using var host = new WeChatTestHost(settings => settings["WeChat:TokenRefreshMargin"] = "00:05:00");
        host.IssueTokens("TOKEN_1", "TOKEN_2");
        await host.Tokens.GetTokenAsync();

        host.Time.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        Assert.Equal("TOKEN_1", await host.Tokens.GetTokenAsync());

        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("TOKEN_2", await host.Tokens.GetTokenAsync());
        Assert.Equal(2, host.Stub.To(WeChatPaths.StableToken).Count);
    }

    [Fact]
    public async Task GetToken_CachesForHalfTheLifetime_WhenExpiresInIsWithinTheMargin()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.StableToken, """{"access_token":"TOKEN_1","expires_in":300}""");
        host.IssueTokens("TOKEN_2");
        await host.Tokens.GetTokenAsync();

        host.Time.Advance(TimeSpan.FromSeconds(149));
        Assert.Equal("TOKEN_1", await host.Tokens.GetTokenAsync());

        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("TOKEN_2", await host.Tokens.GetTokenAsync());
    }

    [Fact]
    public async Task GetToken_SendsOneRequest_WhenTwentyCallersFindTheCacheEmpty()
    {
        await using var host = new WeChatTestHost();
        var firstRequestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Stub.Otherwise(WeChatPaths.StableToken, async (_, cancellationToken) =>
        {
            firstRequestArrived.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return StubHttpHandler.Json("""{"access_token":"TOKEN_1","expires_in":7200}""");
        });
        var tokens = host.Tokens;

        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await tokens.GetTokenAsync())).ToArray();
        await firstRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100); // give the other nineteen time to pile up behind the first
        release.SetResult();
        var results = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, token => Assert.Equal("TOKEN_1", token));
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task GetToken_ReusesAnotherNodesToken_ThroughTheDistributedCache()
    {
        var sharedCache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await using var nodeA = new WeChatTestHost(sharedCache: sharedCache);
        await using var nodeB = new WeChatTestHost(sharedCache: sharedCache);
        nodeA.IssueTokens("TOKEN_1");

        await nodeA.Tokens.GetTokenAsync();
        var onB = await nodeB.Tokens.GetTokenAsync();

        Assert.Equal("TOKEN_1", onB);
        Assert.Empty(nodeB.Stub.Requests);
        var stored = await sharedCache.GetAsync($"wechat:access-token:{WeChatTestHost.AppId}");
        Assert.Contains("TOKEN_1", Encoding.UTF8.GetString(stored!));
    }

    [Theory]
    [InlineData(WeChatErrorCodes.InvalidAppId)]
    [InlineData(WeChatErrorCodes.InvalidAppSecret)]
    [InlineData(WeChatErrorCodes.InvalidCredential)]
    public async Task GetToken_ThrowsWithoutRetry_WhenStableTokenRejectsTheApp(int errCode)
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.StableToken, $$"""{"errcode":{{errCode}},"errmsg":"invalid, rid: 9"}""");
        host.IssueTokens("TOKEN_1");

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => host.Tokens.GetTokenAsync().AsTask());

        Assert.Equal("stable_token", ex.Api);
        Assert.Equal(errCode, ex.ErrCode);
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task GetToken_FallsBackToThisNodesCopy_WhenTheDistributedCacheIsDown()
    {
        var brokenCache = new Mock<IDistributedCache>();
        brokenCache.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("redis down"));
        brokenCache.Setup(c => c.SetAsync(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<DistributedCacheEntryOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("redis down"));
        await using var host = new WeChatTestHost(sharedCache: brokenCache.Object);
        host.IssueTokens("TOKEN_1", "TOKEN_2");

        Assert.Equal("TOKEN_1", await host.Tokens.GetTokenAsync());
        Assert.Equal("TOKEN_1", await host.Tokens.GetTokenAsync());
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task Invalidate_KeepsTheNewerToken_WhenAnotherCallerAlreadyReplacedTheRejectedOne()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2", "TOKEN_3");
        await host.Tokens.GetTokenAsync();

        await host.Tokens.InvalidateAsync("TOKEN_1");
        await host.Tokens.InvalidateAsync("TOKEN_1"); // a second caller rejected with the same old token

        Assert.Equal("TOKEN_2", await host.Tokens.GetTokenAsync());
        Assert.Equal(2, host.Stub.To(WeChatPaths.StableToken).Count);
    }

    [Fact]
    public async Task Invalidate_ForceRefreshesOnlyOnceIn30Seconds_WhenWeChatKeepsReturningTheRejectedToken()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_1", "TOKEN_2", "TOKEN_2");
        await host.Tokens.GetTokenAsync();

        await host.Tokens.InvalidateAsync("TOKEN_1"); // normal answer repeats TOKEN_1, so force: TOKEN_2
        await host.Tokens.InvalidateAsync("TOKEN_2"); // normal answer repeats TOKEN_2; forcing again so soon is not allowed

        var requests = host.Stub.To(WeChatPaths.StableToken);
        Assert.Equal([false, false, true, false], requests.Select(r => r.Json.GetProperty("force_refresh").GetBoolean()));
    }
}
