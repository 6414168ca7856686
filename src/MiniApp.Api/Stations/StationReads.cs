namespace MiniApp.Api.Stations;

public static class StationReads
{
    public static async Task<StationView> ViewAsync(MySqlConnection connection, long id, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<StationRow>(new CommandDefinition(StationRow.SelectSql + " WHERE s.id = @id", new { id },
            cancellationToken: cancellationToken));
        return row.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow()));
    }
}
