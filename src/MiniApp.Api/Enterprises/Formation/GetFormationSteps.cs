namespace MiniApp.Api.Enterprises.Formation;

/// <summary>GET /api/staff/enterprises/{id}/steps: the formation history of an enterprise in scope, with its current and next step.</summary>
public static class GetFormationSteps
{
    public static async Task<Results<Ok<FormationView>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var view = await FormationView.LoadAsync(connection, scope, id, cancellationToken);
        return view is null ? FormationProblems.EnterpriseNotFound() : TypedResults.Ok(view);
    }
}
