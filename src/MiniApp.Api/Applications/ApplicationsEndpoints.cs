using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Applications;

public static class ApplicationsEndpoints
{
    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.Worker)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", SubmitApplication.Handle)
            .WithSummary("Apply to join the union")
            .WithDescription("Send an Idempotency-Key header (any unique string up to 64 characters) so a retry on a bad "
                + "connection cannot apply twice. One open application per WeChat account; a 身份证号 that has an open application "
                + "from another account, or is a member the caller is not, is accepted and flagged to the reviewer. Problem codes: "
                + "validation_failed (errors per field), already_member (409: the caller's own account, or its bound phone, is "
                + "the member's), application_exists (409: the caller already has an open application; applicationId names it), "
                + "idempotency_key_reused (422).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        group.MapGet("/mine", GetMyApplications.Handle)
            .WithSummary("The worker's applications, newest first, with their history")
            .Produces<List<GetMyApplications.MyApplication>>();
        group.MapPost("/{id:long}/withdraw", WithdrawApplication.Handle)
            .WithSummary("Withdraw an application that still waits for review")
            .WithDescription("Problem codes: application_not_found (404), application_state_changed (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", ResubmitApplication.Handle)
            .WithSummary("Correct a rejected application and send it again")
            .WithDescription("The rules of a new application hold. Problem codes: validation_failed, application_not_found (404), "
                + "application_state_changed (409), already_member (409), application_exists (409: the caller has another open "
                + "application; applicationId names it).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRateLimit(RateLimitPolicies.WorkerWrites);
        return app;
    }
}
