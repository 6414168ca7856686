using MiniApp.Api.Applications;
using MiniApp.Api.Members;

namespace MiniApp.Api.Review;

public static class StaffApplicationsEndpoints
{
    private const string FlagsDescription = "flags: alreadyMember (已是会员: the person is an active member through "
        + "another application), conflictIds (other open applications of the same 身份证号 in the caller's scope), "
        + "conflictsOutsideScope (how many more lie outside it), sameAccountOpen (other open applications of the same "
        + "WeChat account, filed before the one-per-account rule).";

    private static readonly EndpointProblem DecidedFirst =
        ApplicationProblems.StateChangedCode.Because("someone else decided first");

    public static IEndpointRouteBuilder MapStaffApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/applications").WithTags("Staff: applications")
            .RequireAuthorization(ReviewAccess.Policy)
            .WithProblems(EndpointProblems.Staff)
            .WithProblems(ProblemCodes.Forbidden.Because("the role may not review"));

        group.MapGet("/", ListApplications.Handle)
            .WithSummary(
            "The review queue of the staff member's union and the unions below it, oldest first, personal data masked")
            .WithDescription(FlagsDescription)
            .WithProblems(ProblemCodes.ValidationFailed.Because("page, pageSize or status"))
            .WithResponseExample(ReviewExamples.Page);
        group.MapGet("/{id:long}", GetApplicationForReview.Handle)
            .WithSummary("One application in scope")
            .WithDescription(FlagsDescription)
            .WithProblems(ApplicationProblems.NotFoundCode.Because("not in scope"))
            .WithResponseExample(ReviewExamples.ForReview);
        group.MapPost("/{id:long}/approve", ApproveApplication.Handle)
            .WithSummary("Approve: the worker becomes a member of the receiving union at once")
            .WithProblems(ApplicationProblems.NotFoundCode, DecidedFirst, ApplicationProblems.AlreadyMemberCode.Because(
                "the person became a member through another application; reject this one"))
            .WithResponseExample(ReviewExamples.Approved);
        group.MapPost("/{id:long}/reject", RejectApplication.Handle)
            .WithSummary("Reject with a reason from the reference list; the worker may correct and resubmit")
            .WithProblems(ProblemCodes.ValidationFailed.Because("reasonCode, or note for other / over 500 characters"),
                ApplicationProblems.NotFoundCode, DecidedFirst)
            .WithRequestExample(ReviewExamples.Reject)
            .WithResponseExample(ReviewExamples.Rejected);
        group.MapPost("/{id:long}/transfer", TransferApplication.Handle)
            .WithSummary("Hand a waiting application to another union, with a note")
            .WithProblems(ProblemCodes.ValidationFailed.Because(
                    "unionId missing or unknown or already receiving, note missing or over 500 characters"),
                ApplicationProblems.NotFoundCode, DecidedFirst)
            .WithRequestExample(ReviewExamples.Transfer)
            .WithResponseExample(ReviewExamples.Transferred);
        group.MapPost("/batch-approve", BatchApprove.Handle)
            .WithSummary("Approve several applications; a result per id")
            .WithProblems(ProblemCodes.ValidationFailed.Because(
                "1 to 100 ids; each id's outcome is in results, database_busy among them"))
            .WithRequestExample(ReviewExamples.Batch)
            .WithResponseExample(ReviewExamples.BatchResults);
        group.MapPost("/{id:long}/reveal", RevealApplication.Handle)
            .WithSummary("The full 身份证号 and phone of an application in scope; audited")
            .WithProblems(ApplicationProblems.NotFoundCode.Because("not in scope"))
            .WithResponseExample(ReviewExamples.Revealed);

        app.MapPost("/api/staff/members/verify", VerifyCard.Handle)
            .WithTags("Staff: members")
            .RequireAuthorization(VerifyCard.Policy)
            .WithSummary("Check a membership card's QR code")
            .WithProblems(EndpointProblems.Staff)
            .WithProblems(ProblemCodes.ValidationFailed.Because(
                    "no code; an unknown or expired code answers 200 with valid=false and a reason instead"),
                ProblemCodes.Forbidden.Because("department viewers may not verify cards"))
            .WithRequestExample(MemberExamples.Verify)
            .WithResponseExample(MemberExamples.Verified);
        return app;
    }
}
