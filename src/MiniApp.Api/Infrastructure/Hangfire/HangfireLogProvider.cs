using Hangfire.AspNetCore;
using Hangfire.Logging;
using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// Hangfire keeps its log provider in a static. Where several hosts share a process (integration tests) one of them
/// may be disposed while another still runs; its logger factory then refuses new loggers, and Hangfire's type
/// initialisers would fail for good. A logger that cannot be made logs nothing instead. Exceptions are logged as
/// <see cref="LoggedException"/>, like ours.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Redacting(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(global::Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc,
            Exception? exception = null) => false;
    }

    /// <summary>A failed job's exception goes out as <see cref="LoggedException"/>.</summary>
    private sealed class Redacting(ILog inner) : ILog
    {
        public bool Log(global::Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc,
            Exception? exception = null) =>
            inner.Log(logLevel, messageFunc, exception is null ? null : LoggedException.From(exception));
    }
}
