using Hangfire;
using Hangfire.Dashboard;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// The Hangfire dashboard at /hangfire, for county admins only: with a county admin's bearer token, or in a browser
/// with the session cookie got from a one-time <c>?token=</c> (POST /api/staff/hangfire-token). Everyone else gets
/// 401 or 403, never the dashboard. The account is re-read on every request, so disabling it shuts the door at once.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/hangfire";
    public const string CookieName = "miniapp_hangfire";

    public sealed record TokenResponse(string Token, string Url, DateTimeOffset ExpiresAt);

    public static WebApplication UseJobsDashboard(this WebApplication app, AppRole role)
    {
        if (!role.ServesApi()) return app;
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path)
            && context.Request.Query.ContainsKey("token"),
            branch => branch.Run(RedeemAsync));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new CountyAdminFilter()],
            DashboardTitle = "新平县职工入会小程序 · 后台任务",
            DisplayStorageConnectionString = false,
        });
        app.MapPost("/api/staff/hangfire-token", CreateToken)
            .WithTags("Staff: jobs")
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("A one-time link into the jobs dashboard, valid 5 minutes (county admins)")
            .WithProblems(EndpointProblems.CountyAdmin)
            .WithResponseExample(new TokenResponse("example-one-time-token", $"{Path}?token=example-one-time-token",
                new DateTimeOffset(2026, 3, 2, 1, 35, 0, TimeSpan.Zero)));
        return app;
    }

    private static Ok<TokenResponse> CreateToken(ClaimsPrincipal principal, DashboardTokens tokens)
    {
        var (token,
            expires) = tokens.CreateToken(
            new DashboardTokens.Holder(principal.StaffId(), long.Parse(principal.FindFirstValue("iat")!)));
        return TypedResults.Ok(new TokenResponse(token, $"{Path}?token={Uri.EscapeDataString(token)}", expires));
    }

    /// <summary>
    /// Trades a one-time token for the session cookie and redirects to the dashboard without the token in the URL.
    /// </summary>
    private static async Task RedeemAsync(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<DashboardTokens>();
        var holder = await tokens.RedeemTokenAsync(context.Request.Query["token"]);
        if (holder is null || !await IsCountyAdminAsync(context, PrincipalOf(holder)))
        {
            await ProblemCodes.Unauthorized.Problem("链接无效或已使用，请重新获取").ExecuteAsync(context);
            return;
        }
        var (session, expires) = tokens.CreateSession(holder);
        context.Response.Cookies.Append(CookieName, session, new CookieOptions
        {
            // Lax, not Strict: the link may be opened from another site, and the redirect that follows must carry the
            // cookie.
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = Path,
            Expires = expires,
        });
        context.Response.Redirect(Path);
    }

    private static async Task<bool> IsCountyAdminAsync(HttpContext context, ClaimsPrincipal principal)
    {
        var dataSource = context.RequestServices.GetRequiredService<MySqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var staff = await StaffContext.LoadAsync(connection, principal, context.RequestAborted);
        return staff is { IsCountyAdmin: true };
    }

    private static ClaimsPrincipal PrincipalOf(DashboardTokens.Holder holder) => new(new ClaimsIdentity(
    [
        new Claim(AppClaims.Subject, holder.StaffId.ToString(CultureInfo.InvariantCulture)),
        new Claim("iat", holder.IssuedAt.ToString(CultureInfo.InvariantCulture)),
    ]));

    private sealed class CountyAdminFilter : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext dashboard)
        {
            var context = dashboard.GetHttpContext();
            if (context.User.FindFirstValue(AppClaims.Kind) == AppClaims.StaffKind) return await IsCountyAdminAsync(
                context, context.User);
            var holder = context.RequestServices.GetRequiredService<DashboardTokens>().ReadSession(
                context.Request.Cookies[CookieName]);
            return holder is not null && await IsCountyAdminAsync(context, PrincipalOf(holder));
        }
    }
}
