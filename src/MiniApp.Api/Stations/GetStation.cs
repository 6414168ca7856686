namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/stations/{id}: a station's details for workers (active or suspended; a closed one is gone for them).
/// </summary>
public static class GetStation
{
    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, MySqlDataSource dataSource,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StationRow>(new CommandDefinition(
            StationRow.SelectSql
                + " WHERE s.id = @id AND s.status <> 'closed'", new { id }, cancellationToken: cancellationToken));
        return row is null ? StationProblems.NotFound()
            : TypedResults.Ok(row.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow())));
    }
}
