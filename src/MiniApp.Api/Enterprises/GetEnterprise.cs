namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/{id}: every register field of an enterprise in scope, the phone masked.
/// </summary>
public static class GetEnterprise
{
    public static async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> Handle(long id, EnterpriseScope scope,
        [AsParameters] EnterpriseServices services)
    {
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var row = await EnterpriseReads.InScopeAsync(db, scope, id);
        if (row is null) return EnterpriseProblems.NotFound();
        return TypedResults.Ok(EnterpriseView.From(row, await EnterpriseReads.GroupsAsync(db, id)));
    }
}
