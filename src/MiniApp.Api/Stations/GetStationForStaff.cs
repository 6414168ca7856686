namespace MiniApp.Api.Stations;

/// <summary>GET /api/staff/stations/{id}: one station of the caller's union subtree, whatever its status.</summary>
public static class GetStationForStaff
{
    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, StaffContext staff,
        [AsParameters] StationServices services)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var row = await StationAccess.InScopeAsync(connection.Db(services.Cancellation), staff, id);
        return row is null ? StationProblems.NotFound() : TypedResults.Ok(row.ToView(services.MinuteOfWeek()));
    }
}
