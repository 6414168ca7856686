using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>The dispatcher's log lines: outbox ids, kinds and counts, never a recipient or a field value.</summary>
internal static partial class OutboxDispatchLog
{
    /// <summary>One row failed; its claim lapses and a later run takes it again.</summary>
    public static void RowFailed(ILogger logger, long outboxId, Exception exception) =>
        RowFailed(logger, outboxId, exception.GetType().Name, LoggedException.From(exception));

    [LoggerMessage(200, LogLevel.Error, "Notification {OutboxId} failed with {ExceptionType}; a later run retries it")]
    private static partial void RowFailed(ILogger logger, long outboxId, string exceptionType, Exception exception);

    [LoggerMessage(201, LogLevel.Error, "Notification {OutboxId} claimed {Attempts} times without an outcome; dead")]
    public static partial void TooManyAttempts(ILogger logger, long outboxId, int attempts);

    [LoggerMessage(202, LogLevel.Warning, "Notification {OutboxId}: the claim was taken over before sending; skipped")]
    public static partial void ClaimTakenOver(ILogger logger, long outboxId);

    [LoggerMessage(203, LogLevel.Warning, "Notification {OutboxId}: the claim expired before the result was recorded")]
    public static partial void ClaimExpired(ILogger logger, long outboxId);

    [LoggerMessage(204, LogLevel.Information, "Notification {OutboxId} ({Kind}) sent")]
    public static partial void Sent(ILogger logger, long outboxId, string kind);
}
