using System.Diagnostics;

namespace MiniApp.Api.Infrastructure.Logging;

/// <summary>
/// Every log line of a request carries its request id, and the response returns it as X-Request-Id so a worker's
/// screenshot of an error can be traced. A well-formed incoming X-Request-Id (from a gateway) is kept.
/// One line per request names the method, the path without its query string (queries can carry a location), the
/// status and the time taken.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            context.TraceIdentifier = incoming;
        }
        context.Response.Headers[Header] = context.TraceIdentifier;
        using (logger.BeginScope("RequestId:{RequestId}", context.TraceIdentifier))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                logger.LogInformation("{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms", context.Request.Method,
                    context.Request.Path.Value, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
