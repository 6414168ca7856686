namespace MiniApp.Api.Stations;

public static class StationReads
{
    public static async Task<StationView> ViewAsync(Db db, long id, TimeProvider clock)
    {
        var row = await db.QuerySingleAsync<StationRow>(StationRow.SelectSql + " WHERE s.id = @id", new { id });
        return row.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow()));
    }
}
