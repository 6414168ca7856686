using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Stations;

/// <summary>The nearby index's log lines.</summary>
internal static partial class StationIndexLog
{
    [LoggerMessage(210, LogLevel.Information,
        "Station index at version {Version}: {Count} active stations ({Changed} rows read, {Kind})")]
    public static partial void Loaded(ILogger logger, long version, int count, int changed, string kind);

    /// <summary>A refresh after this node's own write failed; the next poll retries.</summary>
    public static void RefreshAfterWriteFailed(ILogger logger, Exception exception) =>
        RefreshAfterWriteFailed(logger, exception.GetType().Name, LoggedException.From(exception));

    [LoggerMessage(211, LogLevel.Warning,
        "Station index refresh after a write failed ({ExceptionType}); the next poll retries")]
    private static partial void RefreshAfterWriteFailed(ILogger logger, string exceptionType, Exception exception);
}
