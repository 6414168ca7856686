using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>The log lines of the jobs' wiring.</summary>
internal static partial class JobsLog
{
    /// <summary>Redis is down at start-up: the server retries on its own; the next start writes the schedule.</summary>
    public static void RecurringJobsNotRegistered(ILogger logger, Exception exception) =>
        RecurringJobsNotRegistered(logger, exception.GetType().Name, LoggedException.From(exception));

    [LoggerMessage(130, LogLevel.Error, "Could not register the recurring jobs ({ExceptionType}); the next start does")]
    private static partial void RecurringJobsNotRegistered(ILogger logger, string exceptionType, Exception exception);
}
