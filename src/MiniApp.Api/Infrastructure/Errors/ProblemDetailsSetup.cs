using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Infrastructure.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every problem the app writes (our own, framework validation, status-code pages, unhandled exceptions) gets a
    /// stable code, a Chinese detail and the request id, and never a stack trace.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey("code"))
            {
                var code = problem is HttpValidationProblemDetails
                    ? ProblemCodes.ValidationFailed
                    : ProblemCodes.ForStatus(status);
                problem.Extensions["code"] = code.Code;
                problem.Detail = code.Detail;
            }
            problem.Extensions.Remove("exception");
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
