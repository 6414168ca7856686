using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Applications;

public static class ApplicationsEndpoints
{
    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.Worker)
            .WithProblems(ProblemCodes.Unauthorized.Because("log in again"));

        group.MapPost("/", SubmitApplication.Handle)
            .WithSummary("Apply to join the union")
            .WithDescription(
            "Send an Idempotency-Key header (any unique string up to 64 characters) so a retry on a bad connection "
                + "cannot apply twice. One open application per WeChat account; a 身份证号 that has an open application "
                + "from another account, or is a member the caller is not, is accepted and flagged to the reviewer.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("errors per field"),
                ApplicationProblems.AlreadyMemberCode.Because(
                    "the caller's own account, or its bound phone, is the member's"),
                ApplicationProblems.ApplicationExistsCode.Because(
                    "the caller already has an open application; applicationId names it"),
                ApplicationProblems.IdempotencyKeyReusedCode)
            .WithRequestExample(ApplicationExamples.Form)
            .WithResponseExample(ApplicationExamples.Submitted)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        group.MapGet("/mine", GetMyApplications.Handle)
            .WithSummary("The worker's applications, newest first, with their history")
            .Produces<List<GetMyApplications.MyApplication>>()
            .WithResponseExample(ApplicationExamples.Mine);
        group.MapPost("/{id:long}/withdraw", WithdrawApplication.Handle)
            .WithSummary("Withdraw an application that still waits for review")
            .WithProblems(ApplicationProblems.NotFoundCode, ApplicationProblems.StateChangedCode)
            .WithResponseExample(ApplicationExamples.Withdrawn);
        group.MapPut("/{id:long}", ResubmitApplication.Handle)
            .WithSummary("Correct a rejected application and send it again")
            .WithDescription("The rules of a new application hold.")
            .WithProblems(ProblemCodes.ValidationFailed, ApplicationProblems.NotFoundCode,
                ApplicationProblems.StateChangedCode, ApplicationProblems.AlreadyMemberCode,
                ApplicationProblems.ApplicationExistsCode.Because(
                    "the caller has another open application; applicationId names it"))
            .WithRequestExample(ApplicationExamples.Form)
            .WithResponseExample(ApplicationExamples.Resubmitted)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        return app;
    }
}
