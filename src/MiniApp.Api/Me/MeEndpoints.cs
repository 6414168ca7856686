using MiniApp.Api.Auth;
using MiniApp.Api.Infrastructure.RateLimiting;
using MiniApp.Api.Members;

namespace MiniApp.Api.Me;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(Policies.Worker)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        me.MapGet("/", GetMe).WithSummary("The logged-in worker: membership, latest application, bound phone (masked)");
        me.MapPost("/phone", BindPhone.Handle)
            .WithSummary("Bind the worker's phone from WeChat: {code} of the phone-number button, or the older {encryptedData, iv}")
            .WithDescription("Problem codes: validation_failed, wechat_code_invalid (400), phone_data_invalid (400: log in again, then retry), wechat_unavailable (503).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        me.MapGet("/membership", GetMembershipCard.Handle)
            .WithSummary("The electronic membership card with a verification code valid for 5 minutes")
            .WithDescription("Problem codes: not_a_member (404).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<WorkerSummary>, ProblemHttpResult>> GetMe(
        ClaimsPrincipal principal, MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await WorkerSummary.LoadAsync(connection.Db(cancellationToken), principal.UserId());
        return user is null
            ? Problems.SessionExpired()
            : TypedResults.Ok(user);
    }
}
