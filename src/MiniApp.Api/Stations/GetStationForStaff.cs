namespace MiniApp.Api.Stations;

/// <summary>GET /api/staff/stations/{id}: one station of the caller's union subtree, whatever its status.</summary>
public static class GetStationForStaff
{
    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await StationAccess.ReaderAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var row = await StationAccess.InScopeAsync(connection, null, staff, id, cancellationToken);
        return row is null ? StationProblems.NotFound() : TypedResults.Ok(row.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow())));
    }
}
