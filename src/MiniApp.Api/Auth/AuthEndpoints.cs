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
            .WithDescription("Exchanges the code with WeChat (code2session) and answers our own token. Problem codes: "
                + "validation_failed, wechat_code_invalid (400: the code is used or expired; call wx.login again), "
                + "wechat_login_blocked (403), wechat_unavailable (503, with Retry-After), wechat_error (502).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithBodyLimit(LoginBodyBytes)
            .AllowAnonymous()
            .WithRateLimit(RateLimitPolicies.WorkerLogin);

        app.MapPost("/api/staff/auth/login", StaffLogin.Handle)
            .WithTags("Staff auth")
            .WithSummary("Log a union staff member in with username and password")
            .WithDescription("Problem codes: validation_failed, invalid_credentials (401; an unknown or disabled username "
                + "answers the same), account_locked (429, with Retry-After: too many wrong passwords for this username from "
                + "this address; other addresses are not held back), rate_limited (429, with Retry-After: the username is "
                + "slowed down after failures from several addresses, or too many logins are being checked at once).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithBodyLimit(LoginBodyBytes)
            .AllowAnonymous()
            .WithRateLimit(RateLimitPolicies.StaffLogin);
        return app;
    }
}
