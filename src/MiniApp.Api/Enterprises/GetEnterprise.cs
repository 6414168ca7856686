namespace MiniApp.Api.Enterprises;

/// <summary>GET /api/staff/enterprises/{id}: every register field of an enterprise in scope, the phone masked.</summary>
public static class GetEnterprise
{
    public static async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var row = await EnterpriseReads.InScopeAsync(connection, null, scope, id, cancellationToken);
        if (row is null) return EnterpriseProblems.NotFound();
        return TypedResults.Ok(EnterpriseView.From(row, await EnterpriseReads.GroupsAsync(connection, id, cancellationToken)));
    }
}
