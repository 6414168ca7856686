using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>Builds RFC 9457 problem details that always carry a stable code and a Chinese detail fit to show as is.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail, Title = TitleFor(status) };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>401: no valid session (an expired token, or an account disabled since the token was issued).</summary>
    public static ProblemHttpResult SessionExpired() => Create(401, ProblemCodes.Unauthorized, SessionExpiredDetail);

    internal const string SessionExpiredDetail = "登录已过期，请重新登录";

    /// <summary>400 validation_failed with messages per field (field names as the JSON body spells them).</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string detail = "提交的信息有误，请检查后重试")
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = TitleFor(400),
            Detail = detail,
        };
        problem.Extensions["code"] = ProblemCodes.ValidationFailed;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    internal static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        423 => "Locked",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
