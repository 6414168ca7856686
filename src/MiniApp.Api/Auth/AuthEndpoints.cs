using MiniApp.Api.Infrastructure.Http;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Auth;

public static class AuthEndpoints
{
    /// <summary>A login body is a code or a username and password: a few hundred bytes.</summary>
    private const int LoginBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", WeChatLogin.Handle)
            .WithTags("Auth")
            .WithSummary("Log a worker in with the code from wx.login")
            .WithDescription("Exchanges the code with WeChat (code2session) and answers our own token.")
            .WithProblems(ProblemCodes.ValidationFailed,
                ProblemCodes.WeChatCodeInvalid.Because("the code is used or expired; call wx.login again"),
                ProblemCodes.WeChatLoginBlocked, ProblemCodes.WeChatError,
                ProblemCodes.WeChatUnavailable.Because("with Retry-After"))
            .WithRequestExample(AuthExamples.WorkerLogin)
            .WithResponseExample(AuthExamples.WorkerLoggedIn)
            .WithBodyLimit(LoginBodyBytes)
            .AllowAnonymous()
            .WithRateLimit(RateLimitPolicies.WorkerLogin);

        app.MapPost("/api/staff/auth/login", StaffLogin.Handle)
            .WithTags("Staff auth")
            .WithSummary("Log a union staff member in with username and password")
            .WithProblems(ProblemCodes.ValidationFailed,
                ProblemCodes.InvalidCredentials.Because("an unknown or disabled username answers the same"),
                ProblemCodes.AccountLocked.Because("too many wrong passwords for this username from this address, "
                    + "other addresses are not held back; with Retry-After"),
                ProblemCodes.RateLimited.Because("the username is slowed down after failures from several addresses, "
                    + "or too many logins are being checked at once; with Retry-After"))
            .WithRequestExample(AuthExamples.StaffLogin)
            .WithResponseExample(AuthExamples.StaffLoggedIn)
            .WithBodyLimit(LoginBodyBytes)
            .AllowAnonymous()
            .WithRateLimit(RateLimitPolicies.StaffLogin);
        return app;
    }
}
