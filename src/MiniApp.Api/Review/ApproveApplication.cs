using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>POST /api/staff/applications/{id}/approve.</summary>
public static class ApproveApplication
{
    public sealed record Response(ApplicationView Application, string MemberNumber);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var result = await Approval.ApproveAsync(connection, staff, id, clock, cancellationToken);
        switch (result.Outcome)
        {
            case ApprovalOutcome.NotFound: return ApplicationProblems.NotFound();
            case ApprovalOutcome.StateChanged: return ApplicationProblems.StateChanged();
            case ApprovalOutcome.AlreadyMember: return ApplicationProblems.PersonIsMember();
        }
        return TypedResults.Ok(new Response(await ApplicationRow.LoadViewAsync(connection, id, cancellationToken), result.MemberNumber!));
    }
}
