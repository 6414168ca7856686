namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// GET /api/staff/enterprises/{id}/steps: the formation history of an enterprise in scope, with its current and next
/// step.
/// </summary>
public static class GetFormationSteps
{
    public static async Task<Results<Ok<FormationView>, ProblemHttpResult>> Handle(long id, EnterpriseScope scope,
        [AsParameters] EnterpriseServices services)
    {
        await using var connection = await services.OpenAsync();
        var view = await FormationView.LoadAsync(connection.Db(services.Cancellation), scope, id);
        return view is null ? FormationProblems.EnterpriseNotFound() : TypedResults.Ok(view);
    }
}
