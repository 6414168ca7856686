namespace MiniApp.Api.Enterprises.Formation;

/// <summary>GET /api/staff/formation-step-types: the formation steps in order, inactive ones included (history names them).</summary>
public static class GetStepTypes
{
    public static async Task<Results<Ok<StepTypesResponse>, ProblemHttpResult>> Handle(ClaimsPrincipal principal, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await StaffContext.LoadAsync(connection, principal, cancellationToken) is null) return Problems.SessionExpired();
        return TypedResults.Ok(await StepTypesResponse.LoadAsync(connection, cancellationToken));
    }
}
