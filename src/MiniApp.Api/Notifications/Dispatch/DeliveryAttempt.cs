using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Dispatch;

public enum DeliveryStatus { Sent, NoGrant, Retry, Dead }

/// <summary>
/// What one send came to. ClearGrant: WeChat says the user holds no grant (43101), so our counter drops to zero.
/// GrantUnspent: WeChat refused the request outright, so the grant taken for it was not used. A send that ran out of
/// retries on timeouts may still have been delivered, so its grant is not given back.
/// </summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, DateTime? NextAttemptAt = null, bool ClearGrant = false,
    string? Error = null, bool GrantUnspent = false);

/// <summary>
/// Sends one subscribe message and decides what follows: -1, 5xx and timeouts retry with exponential backoff until the
/// last attempt; 43101 means no grant (never retried); 47003 and other refusals of our request are dead at once.
/// </summary>
public sealed class DeliveryAttempt(IWeChatClient wechat, TimeProvider clock, IOptions<NotificationOptions> options,
    ILogger<DeliveryAttempt> logger)
{
    public async Task<DeliveryOutcome> SendAsync(long outboxId, int attempt, SubscribeMessage message,
        CancellationToken cancellationToken)
    {
        try
        {
            await wechat.SendSubscribeMessageAsync(message, cancellationToken);
            return new DeliveryOutcome(DeliveryStatus.Sent);
        }
        catch (WeChatApiException ex) when (ex.ErrCode == WeChatErrorCodes.SubscriptionRequired)
        {
            logger.LogInformation("Notification {OutboxId}: the user holds no subscription (43101)", outboxId);
            return new DeliveryOutcome(DeliveryStatus.NoGrant, ClearGrant: true, Error: "43101 no subscription");
        }
        catch (WeChatApiException ex) when (ex.ErrCode is WeChatErrorCodes.MinuteQuota or WeChatErrorCodes.DailyQuota)
        {
            return Retry(outboxId, attempt, $"{ex.ErrCode} quota");
        }
        catch (WeChatApiException ex)
        {
            // 47003 names the field WeChat refused: our payload or template mapping is wrong, and retrying cannot help.
            logger.LogError("Notification {OutboxId} refused by WeChat with {ErrCode}: {ErrMsg}; dead",
                outboxId, ex.ErrCode, ex.ErrMsg);
            return new DeliveryOutcome(DeliveryStatus.Dead, Error: Clip($"{ex.ErrCode} {ex.ErrMsg}"),
                GrantUnspent: true);
        }
        catch (WeChatUnavailableException ex)
        {
            return Retry(outboxId, attempt, Clip("unavailable: " + ex.Message));
        }
        catch (HttpRequestException ex)
        {
            return Retry(outboxId, attempt, Clip("network: " + ex.Message));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Retry(outboxId, attempt, "timeout");
        }
    }

    private DeliveryOutcome Retry(long outboxId, int attempt, string error)
    {
        var dispatch = options.Value.Dispatch;
        if (attempt >= dispatch.MaxAttempts)
        {
            logger.LogError("Notification {OutboxId} failed {Attempts} times ({Error}); dead",
                outboxId, attempt, error);
            return new DeliveryOutcome(DeliveryStatus.Dead, Error: error);
        }
        var next = clock.GetUtcNow().UtcDateTime + Backoff(attempt, dispatch);
        logger.LogWarning("Notification {OutboxId} attempt {Attempt} failed ({Error}); retry at {NextAttemptAt:O}",
            outboxId, attempt, error, next);
        return new DeliveryOutcome(DeliveryStatus.Retry, next, Error: error);
    }

    /// <summary>BaseDelay after the first failure, doubling after each further one, capped at MaxDelay.</summary>
    public static TimeSpan Backoff(int failedAttempts, DispatchOptions dispatch)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(dispatch.BaseDelay.Ticks * factor, dispatch.MaxDelay.Ticks));
        return delay;
    }

    private static string Clip(string text) => text.Length <= 250 ? text : text[..250];
}
