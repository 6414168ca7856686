using System.Diagnostics;

namespace MiniApp.Api.Infrastructure.Logging;

/// <summary>
/// Every log line of a request carries its request id (a logging scope), and the response returns it as X-Request-Id
/// so a worker's screenshot of an error can be traced. A well-formed incoming X-Request-Id (from a gateway) is kept.
/// One line per request names the method, the path without its query string (queries can carry a location), the
/// status and the time taken.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    private static readonly Func<ILogger, string, IDisposable?> RequestScope =
        LoggerMessage.DefineScope<string>("RequestId:{RequestId}");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64
            && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            context.TraceIdentifier = incoming;
        }
        // When the response starts, not now: the exception handler clears the headers before it writes a 500.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        using (RequestScope(logger, context.TraceIdentifier))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Answered(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(110, LogLevel.Information, "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string? path, int status, double elapsedMs);
}
