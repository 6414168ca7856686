using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MiniApp.WeChat;
using MySqlConnector;

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
        else
        {
            logger.LogWarning("Request failed with {Status} {Code}", status, code);
        }
        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = exception is WeChatUnavailableException ? "5" : "1";
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

    private static (int Status, string Code, string Detail) Classify(Exception exception) => exception switch
    {
        WeChatUnavailableException => (503, ProblemCodes.WeChatUnavailable, "微信服务繁忙，请稍后再试"),
        // Two requests wanted the same rows at once and the database gave up one of them; nothing was written.
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } =>
            (503, ProblemCodes.DatabaseBusy, "操作的人较多，请稍后重试"),
        WeChatApiException => (502, ProblemCodes.WeChatError, "微信服务返回错误，请稍后再试"),
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 400 ? ProblemCodes.ValidationFailed : ProblemCodes.BadRequest,
            "请求格式不正确，请检查后重试"),
        OperationCanceledException => (499, ProblemCodes.BadRequest, "请求已取消"),
        _ => (500, ProblemCodes.InternalError, "服务器开小差了，请稍后再试"),
    };
}
