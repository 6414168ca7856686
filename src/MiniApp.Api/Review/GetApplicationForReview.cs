using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>GET /api/staff/applications/{id}: one application in scope, with its flags.</summary>
public static class GetApplicationForReview
{
    public static async Task<Results<Ok<ApplicationForReview>, ProblemHttpResult>> Handle(long id, StaffContext staff,
        [AsParameters] ReviewServices services)
    {
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var row = await ReviewAccess.InScopeAsync(db, staff, id);
        if (row is null) return ApplicationProblems.NotFound();
        return TypedResults.Ok((await ApplicationForReview.LoadAsync(db, staff, [row]))[0]);
    }
}
