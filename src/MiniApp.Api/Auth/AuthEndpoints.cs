using MiniApp.Api.Infrastructure.Http;

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
            .AllowAnonymous();

        app.MapPost("/api/staff/auth/login", StaffLogin.Handle)
            .WithTags("Staff auth")
            .WithSummary("Log a union staff member in with username and password")
            .WithDescription("Problem codes: validation_failed, invalid_credentials (401), account_locked (429, with Retry-After).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithBodyLimit(LoginBodyBytes)
            .AllowAnonymous();
        return app;
    }
}
