using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniApp.Api.Applications;
using MySqlConnector;

namespace MiniApp.Api.Review;

/// <summary>GET /api/staff/applications/{id}.</summary>
public static class GetApplicationForReview
{
    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var row = await ReviewAccess.InScopeAsync(connection, null, staff, id, cancellationToken);
        return row is null ? ApplicationProblems.NotFound() : TypedResults.Ok(row.ToView());
    }
}
