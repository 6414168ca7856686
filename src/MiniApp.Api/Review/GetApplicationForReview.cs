using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>GET /api/staff/applications/{id}: one application in scope, with its flags.</summary>
public static class GetApplicationForReview
{
    public static async Task<Results<Ok<ApplicationForReview>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var row = await ReviewAccess.InScopeAsync(connection, null, staff, id, cancellationToken);
        if (row is null) return ApplicationProblems.NotFound();
        return TypedResults.Ok((await ApplicationForReview.LoadAsync(connection, staff, [row], cancellationToken))[0]);
    }
}
