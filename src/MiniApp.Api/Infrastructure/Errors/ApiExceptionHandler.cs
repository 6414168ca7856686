using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MiniApp.Api.Infrastructure.Logging;
using MiniApp.WeChat;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>
/// Turns the exceptions that escape a handler into problem details. A fault of ours is logged as an error with its
/// stack trace and the request id the response carries; the message only as <see cref="LoggedException"/> allows.
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (status >= 500 && status != 503)
        {
            Unhandled(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path.Value,
                httpContext.TraceIdentifier, LoggedException.From(exception));
        }
        else if (status == 503)
        {
            // An outage, not a fault of ours: the type and the message (MySQL's error code) say what failed and how.
            DependencyFailed(logger, status, code, exception.GetType().Name, LoggedException.MessageOf(exception));
        }
        else
        {
            RequestFailed(logger, status, code);
        }
        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = code == ProblemCodes.DatabaseBusy ? "1" : RetryAfterSeconds;
        }
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = detail };
        problem.Extensions["code"] = code;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Seconds a client waits before retrying after an outage of WeChat, the database or Redis.</summary>
    internal const string RetryAfterSeconds = "5";

    private static (int Status, string Code, string Detail) Classify(Exception exception) => exception switch
    {
        WeChatUnavailableException => (503, ProblemCodes.WeChatUnavailable, "微信服务繁忙，请稍后再试"),
        // Two requests wanted the same rows at once and the database gave up one of them; nothing was written.
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } =>
            (503, ProblemCodes.DatabaseBusy, "操作的人较多，请稍后重试"),
        // The transaction was not committed (or its answer was lost): a retry with the same Idempotency-Key is safe.
        _ when DependencyFailures.IsDatabaseUnavailable(exception) =>
            (503, ProblemCodes.DatabaseUnavailable, "系统正在维护或网络繁忙，请稍后再试"),
        _ when DependencyFailures.IsCacheUnavailable(exception) =>
            (503, ProblemCodes.CacheUnavailable, "系统缓存服务暂时不可用，请稍后再试"),
        WeChatApiException => (502, ProblemCodes.WeChatError, "微信服务返回错误，请稍后再试"),
        BadHttpRequestException { StatusCode: 400 } => (400, ProblemCodes.ValidationFailed, "请求格式不正确，请检查后重试"),
        BadHttpRequestException bad =>
            (bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode).Code,
            ProblemCodes.ForStatus(bad.StatusCode).Detail),
        OperationCanceledException => (499, ProblemCodes.BadRequest, "请求已取消"),
        _ => (500, ProblemCodes.InternalError, "服务器开小差了，请稍后再试"),
    };

    [LoggerMessage(100, LogLevel.Error, "Unhandled {ExceptionType} at {Method} {Path} (request {RequestId})")]
    private static partial void Unhandled(ILogger logger, string exceptionType, string method, string? path,
        string requestId, Exception exception);

    [LoggerMessage(101, LogLevel.Warning, "Request failed with {Status} {Code}: {ExceptionType} {Message}")]
    private static partial void DependencyFailed(ILogger logger, int status, string code, string exceptionType,
        string message);

    [LoggerMessage(102, LogLevel.Warning, "Request failed with {Status} {Code}")]
    private static partial void RequestFailed(ILogger logger, int status, string code);
}
