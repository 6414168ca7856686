using Microsoft.Extensions.Logging.Abstractions;
using MiniApp.Api.Notifications;
using MiniApp.Api.Notifications.Dispatch;
using MiniApp.WeChat;
using Moq;

namespace MiniApp.Api.Tests.Notifications;

public sealed class DeliveryAttemptFacts
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    private readonly Mock<IWeChatClient> _wechat = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly NotificationOptions _options = new() { Dispatch = { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(5) } };
    private static readonly SubscribeMessage Message = new("openid-1", "tmpl", new Dictionary<string, string> { ["thing1"] = "x" });

    private DeliveryAttempt Attempt() => new(_wechat.Object, _clock, Options.Create(_options), NullLogger<DeliveryAttempt>.Instance);

    private void WeChatThrows(Exception exception) =>
        _wechat.Setup(w => w.SendSubscribeMessageAsync(Message, It.IsAny<CancellationToken>())).ThrowsAsync(exception);

    [Fact]
    public async Task Send_IsSent_WhenWeChatAccepts()
    {
        _wechat.Setup(w => w.SendSubscribeMessageAsync(Message, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var outcome = await Attempt().SendAsync(1, 1, Message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        _wechat.Verify(w => w.SendSubscribeMessageAsync(Message, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Send_ClearsTheGrant_AndNeverRetries_On43101()
    {
        WeChatThrows(new WeChatApiException("subscribe_send", 43101, "user refuse to accept the msg"));

        var outcome = await Attempt().SendAsync(1, 1, Message, CancellationToken.None);

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.NoGrant, null, true, "43101 no subscription"), outcome);
    }

    [Fact]
    public async Task Send_IsDeadAtOnce_On47003()
    {
        WeChatThrows(new WeChatApiException("subscribe_send", 47003, "argument invalid! data.thing3.value invalid"));

        var outcome = await Attempt().SendAsync(1, 1, Message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Dead, outcome.Status);
        Assert.False(outcome.ClearGrant);
        Assert.Contains("thing3", outcome.Error);
    }

    [Fact]
    public async Task Send_RetriesWithExponentialBackoff_WhenWeChatIsUnavailable()
    {
        WeChatThrows(new WeChatUnavailableException("subscribe_send", "errcode -1"));

        var first = await Attempt().SendAsync(1, 1, Message, CancellationToken.None);
        var second = await Attempt().SendAsync(1, 2, Message, CancellationToken.None);
        var third = await Attempt().SendAsync(1, 3, Message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, first.Status);
        Assert.Equal(Now.UtcDateTime.AddSeconds(30), first.NextAttemptAt);
        Assert.Equal(Now.UtcDateTime.AddSeconds(60), second.NextAttemptAt);
        Assert.Equal(Now.UtcDateTime.AddSeconds(120), third.NextAttemptAt);
    }

    [Fact]
    public async Task Send_IsDead_AfterTheLastAttempt()
    {
        WeChatThrows(new WeChatUnavailableException("subscribe_send", "HTTP 502"));

        var outcome = await Attempt().SendAsync(1, 4, Message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Dead, outcome.Status);
        Assert.Null(outcome.NextAttemptAt);
    }

    [Fact]
    public void Backoff_DoublesAndIsCapped()
    {
        var dispatch = _options.Dispatch;

        Assert.Equal(TimeSpan.FromSeconds(30), DeliveryAttempt.Backoff(1, dispatch));
        Assert.Equal(TimeSpan.FromSeconds(240), DeliveryAttempt.Backoff(4, dispatch));
        Assert.Equal(TimeSpan.FromMinutes(5), DeliveryAttempt.Backoff(5, dispatch));
        Assert.Equal(TimeSpan.FromMinutes(5), DeliveryAttempt.Backoff(60, dispatch));
    }
}
