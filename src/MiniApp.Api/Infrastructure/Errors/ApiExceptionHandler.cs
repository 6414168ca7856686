using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MiniApp.WeChat;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>Turns the exceptions that escape a handler into problem details; the log line names the type, never the data.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (status >= 500 && status != 503)
        {
            logger.LogError("Unhandled {ExceptionType} at {Path}: {Message}", exception.GetType().Name,
                httpContext.Request.Path.Value, exception is BadHttpRequestException ? "bad request" : exception.Message);
        }
        else if (status == 503)
        {
            // An outage, not a fault of ours: the type and the driver's message say which dependency and how.
            logger.LogWarning("Request failed with {Status} {Code}: {ExceptionType} {Message}", status, code, exception.GetType().Name,
                exception.Message);
        }
        else
        {
            logger.LogWarning("Request failed with {Status} {Code}", status, code);
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
        BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode).Code, ProblemCodes.ForStatus(bad.StatusCode).Detail),
        OperationCanceledException => (499, ProblemCodes.BadRequest, "请求已取消"),
        _ => (500, ProblemCodes.InternalError, "服务器开小差了，请稍后再试"),
    };
}
