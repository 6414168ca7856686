using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>
/// Builds RFC 9457 problem details that always carry a stable code and a Chinese detail fit to show as is.
/// </summary>
public static class Problems
{
    /// <summary>
    /// The body of a declared code (<see cref="ProblemCode.Problem"/> reads better at a call site): its status, the
    /// detail given or the code's default, and the extensions.
    /// </summary>
    public static ProblemHttpResult Create(ProblemCode code, string? detail = null,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = code.Status,
            Detail = detail ?? code.Detail,
            Title = TitleFor(code.Status),
        };
        problem.Extensions["code"] = code.Code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>401: no valid session (an expired token, or an account disabled since the token was issued).</summary>
    public static ProblemHttpResult SessionExpired() => ProblemCodes.Unauthorized.Problem(SessionExpiredDetail);

    internal const string SessionExpiredDetail = "登录已过期，请重新登录";

    /// <summary>400 validation_failed with messages per field (field names as the JSON body spells them).</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = ProblemCodes.ValidationFailed.Status,
            Title = TitleFor(ProblemCodes.ValidationFailed.Status),
            Detail = detail ?? ProblemCodes.ValidationFailed.Detail,
        };
        problem.Extensions["code"] = ProblemCodes.ValidationFailed.Code;
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
