namespace MiniApp.Api.Coverage;

/// <summary>
/// The China date the journal started (coverage_journal, written by the migration that added it). A full computation
/// takes the source tables as they are now back through the journal, so it can reach no day before that date.
/// </summary>
public static class CoverageJournalStart
{
    private const string Sql = "SELECT MIN(started_at) FROM coverage_journal";

    public static async Task<DateOnly> FirstFullDayAsync(Db db)
    {
        var startedAt = await db.ExecuteScalarAsync<DateTime?>(Sql);
        return startedAt is { } at
            ? CoverageChanges.ChinaDay(at)
            : throw new InvalidOperationException("coverage_journal holds no start; run the migrations.");
    }
}
