using System.Net.Http.Headers;

namespace MiniApp.WeChat.Tests;

/// <summary>What a business call does when WeChat rejects the access token it carried.</summary>
public class WeChatClientTokenFacts
{
    private const string Ok = """{"errcode":0,"errmsg":"ok"}""";

    private static readonly SubscribeMessage Message =
        new("oUser123456789", "tmpl-1", new Dictionary<string, string> { ["thing1"] = "预约成功" });

    [Theory]
    [InlineData(WeChatErrorCodes.InvalidCredential)]
    [InlineData(WeChatErrorCodes.AccessTokenExpired)]
    [InlineData(WeChatErrorCodes.InvalidAccessToken)]
    public async Task SendSubscribeMessage_RefetchesTokenAndRetriesOnce_WhenTokenIsRejected(int errCode)
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, $$"""{"errcode":{{errCode}},"errmsg":"access_token is invalid or not latest, rid: 5"}""");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, Ok);

        await host.Client.SendSubscribeMessageAsync(Message);

        var sends = host.Stub.To(WeChatPaths.SubscribeSend);
        Assert.Equal(["TOKEN_1", "TOKEN_2"], sends.Select(s => s.Query["access_token"]));
        Assert.Equal(2, host.Stub.To(WeChatPaths.StableToken).Count);
        Assert.Equal("TOKEN_2", await host.Tokens.GetTokenAsync());
    }

    [Fact]
    public async Task SendSubscribeMessage_Throws_WhenTokenIsRejectedTwice()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2", "TOKEN_3");
        host.Stub.OtherwiseJson(WeChatPaths.SubscribeSend, """{"errcode":40001,"errmsg":"invalid credential, rid: 6"}""");

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => host.Client.SendSubscribeMessageAsync(Message));

        Assert.Equal(WeChatErrorCodes.InvalidCredential, ex.ErrCode);
        Assert.Equal(2, host.Stub.To(WeChatPaths.SubscribeSend).Count);
        Assert.Equal(2, host.Stub.To(WeChatPaths.StableToken).Count);
    }

    [Fact]
    public async Task SendSubscribeMessage_ForceRefreshes_WhenRefetchedTokenEqualsTheRejectedOne()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_1", "TOKEN_2");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, """{"errcode":40001,"errmsg":"not latest, rid: 7"}""");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, Ok);

        await host.Client.SendSubscribeMessageAsync(Message);

        var tokenRequests = host.Stub.To(WeChatPaths.StableToken);
        Assert.Equal([false, false, true], tokenRequests.Select(r => r.Json.GetProperty("force_refresh").GetBoolean()));
        Assert.Equal("TOKEN_2", host.Stub.To(WeChatPaths.SubscribeSend)[^1].Query["access_token"]);
    }

    [Fact]
    public async Task SendSubscribeMessage_DoesNotTouchTheToken_WhenErrCodeIsUnrelated()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, """{"errcode":43101,"errmsg":"user refuse to accept the msg, rid: 8"}""");

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => host.Client.SendSubscribeMessageAsync(Message));

        Assert.Equal(WeChatErrorCodes.SubscriptionRequired, ex.ErrCode);
        Assert.Equal("subscribe_send", ex.Api);
        Assert.Single(host.Stub.To(WeChatPaths.SubscribeSend));
        Assert.Single(host.Stub.To(WeChatPaths.StableToken));
    }

    [Fact]
    public async Task GetUnlimitedQrCode_RetriesWithNewToken_WhenJsonAnswerRejectsTheToken()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1", "TOKEN_2");
        host.Stub.EnqueueJson(WeChatPaths.QrCode, """{"errcode":42001,"errmsg":"access_token expired, rid: 9"}""");
        host.Stub.Enqueue(WeChatPaths.QrCode, (_, _) => Task.FromResult(new HttpResponseMessage
        {
            Content = new ByteArrayContent([0xFF, 0xD8, 0xFF]) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
        }));

        var image = await host.Client.GetUnlimitedQrCodeAsync(new UnlimitedQrCodeRequest("s=1234"));

        Assert.Equal([0xFF, 0xD8, 0xFF], image.Content);
        Assert.Equal(["TOKEN_1", "TOKEN_2"], host.Stub.To(WeChatPaths.QrCode).Select(r => r.Query["access_token"]));
    }
}
