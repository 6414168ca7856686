using MiniApp.Api.Members;

namespace MiniApp.Api.Review;

public static class StaffApplicationsEndpoints
{
    private const string FlagsDescription = "flags: alreadyMember (已是会员: the person is an active member through another "
        + "application), conflictIds (other open applications of the same 身份证号 in the caller's scope), conflictsOutsideScope "
        + "(how many more lie outside it), sameAccountOpen (other open applications of the same WeChat account, filed before "
        + "the one-per-account rule).";

    public static IEndpointRouteBuilder MapStaffApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/applications").WithTags("Staff: applications")
            .RequireAuthorization(ReviewAccess.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListApplications.Handle)
            .WithSummary("The review queue of the staff member's union and the unions below it, oldest first, personal data masked")
            .WithDescription(FlagsDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetApplicationForReview.Handle)
            .WithSummary("One application in scope")
            .WithDescription(FlagsDescription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/approve", ApproveApplication.Handle)
            .WithSummary("Approve: the worker becomes a member of the receiving union at once")
            .WithDescription("Problem codes: application_not_found (404), application_state_changed (409: someone else decided first), already_member (409: the person became a member through another application; reject this one).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/reject", RejectApplication.Handle)
            .WithSummary("Reject with a reason from the reference list; the worker may correct and resubmit")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/transfer", TransferApplication.Handle)
            .WithSummary("Hand a waiting application to another union, with a note")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/batch-approve", BatchApprove.Handle)
            .WithSummary("Approve several applications; a result per id")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{id:long}/reveal", RevealApplication.Handle)
            .WithSummary("The full 身份证号 and phone of an application in scope; audited")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/staff/members/verify", VerifyCard.Handle)
            .WithTags("Staff: members")
            .RequireAuthorization(VerifyCard.Policy)
            .WithSummary("Check a membership card's QR code")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
