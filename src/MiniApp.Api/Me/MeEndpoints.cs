using MiniApp.Api.Auth;
using MiniApp.Api.Infrastructure.RateLimiting;
using MiniApp.Api.Members;

namespace MiniApp.Api.Me;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(Policies.Worker)
            .WithProblems(EndpointProblems.Worker);
        me.MapGet("/", GetMe).WithSummary("The logged-in worker: membership, latest application, bound phone (masked)")
            .WithResponseExample(AuthExamples.Worker);
        me.MapPost("/phone", BindPhone.Handle)
            .WithSummary(
            "Bind the worker's phone from WeChat: {code} of the phone-number button, or the older {encryptedData, iv}")
            .WithProblems(ProblemCodes.ValidationFailed, ProblemCodes.WeChatCodeInvalid,
                ProblemCodes.PhoneDataInvalid.Because("log in again, then retry"), ProblemCodes.WeChatUnavailable)
            .WithRequestExample(MeExamples.BindPhone)
            .WithResponseExample(MeExamples.PhoneBound)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        me.MapGet("/membership", GetMembershipCard.Handle)
            .WithSummary("The electronic membership card with a verification code valid for 5 minutes")
            .WithProblems(MemberProblems.NotAMemberCode)
            .WithResponseExample(MemberExamples.Card);
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
