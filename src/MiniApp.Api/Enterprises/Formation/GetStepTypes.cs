namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// GET /api/staff/formation-step-types: the formation steps in order, inactive ones included (history names them).
/// </summary>
public static class GetStepTypes
{
    public static async Task<Ok<StepTypesResponse>> Handle(MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await StepTypesResponse.LoadAsync(connection.Db(cancellationToken)));
    }
}
