using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>POST /api/staff/applications/{id}/approve.</summary>
public static class ApproveApplication
{
    public sealed record Response(ApplicationView Application, string MemberNumber);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, StaffContext staff,
        [AsParameters] ReviewServices services)
    {
        await using var connection = await services.OpenAsync();
        var result = await Approval.ApproveAsync(connection, staff, id, services);
        switch (result.Outcome)
        {
            case ApprovalOutcome.NotFound: return ApplicationProblems.NotFound();
            case ApprovalOutcome.StateChanged: return ApplicationProblems.StateChanged();
            case ApprovalOutcome.AlreadyMember: return ApplicationProblems.PersonIsMember();
        }
        var view = await ApplicationRow.LoadViewAsync(connection.Db(services.Cancellation), id);
        return TypedResults.Ok(new Response(view, result.MemberNumber!));
    }
}
