namespace MiniApp.Api.Coverage;

/// <summary>
/// Hangfire job, nightly: computes the days not yet frozen up to yesterday and freezes them, one day after another, so
/// each builds on the one before (incremental when the previous day is frozen, else full). Missed nights are caught
/// up, at most <see cref="CatchUpDays"/> of them; an older gap is left to the coverage-rebuild command. With no frozen
/// day to build on, it starts no earlier than the journal's first day (a full computation reaches no further back).
/// Yesterday's enterprise figures come from the register, which just after midnight still stands as it did at the end
/// of yesterday; an older day caught up keeps the enterprise rows of its last hourly refresh, or carries the previous
/// frozen day's forward.
/// </summary>
public sealed class CoverageFreezeJob(
    MySqlDataSource dataSource, CoverageDays days, TimeProvider clock, ILogger<CoverageFreezeJob> logger)
{
    public const int CatchUpDays = 31;

    // The refresh job may be computing today: better to wait for it than to leave yesterday open until tomorrow night.
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    private const string LastFrozenSql =
        "SELECT MAX(day) FROM coverage_days WHERE frozen = 1 AND day BETWEEN @From AND @Yesterday";

    /// <summary>What the last run computed, in order.</summary>
    public IReadOnlyList<CoverageDayResult> Results { get; private set; } = [];

    /// <summary>Returns how many figure rows this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var yesterday = ChinaTime.Today(clock).AddDays(-1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        await using var held = await CoverageLock.TryAcquireAsync(db, LockWait);
        if (held is null)
        {
            logger.LogWarning("Coverage freeze skipped: another run holds the lock");
            return 0;
        }
        var lastFrozen = await db.ExecuteScalarAsync<DateTime?>(LastFrozenSql, new
        {
            From = yesterday.AddDays(-CatchUpDays).ToDateTime(TimeOnly.MinValue),
            Yesterday = yesterday.ToDateTime(TimeOnly.MinValue),
        });
        var firstFullDay = await CoverageJournalStart.FirstFullDayAsync(db);
        var results = new List<CoverageDayResult>();
        var lastFrozenDay = lastFrozen is { } last ? DateOnly.FromDateTime(last) : (DateOnly?)null;
        foreach (var day in DaysToFreeze(lastFrozenDay, yesterday, firstFullDay))
        {
            var result = await days.ComputeAsync(connection, day, mode: null, freeze: true,
                readRegister: day == yesterday && RegisterIsYesterdays(clock), cancellationToken);
            results.Add(result);
            logger.LogInformation("Coverage figures of {Day} frozen ({Mode}, enterprises {Enterprises}): {DeltasRead} "
                + "journal rows and {RowsRead} other rows read, {RowsWritten} written in {ElapsedMs} ms",
                day.ToString("yyyy-MM-dd"), result.ModeName, result.EnterprisesName, result.DeltasRead, result.RowsRead,
                result.RowsWritten, (long)result.Elapsed.TotalMilliseconds);
        }
        Results = results;
        return results.Sum(r => r.RowsWritten);
    }

    /// <summary>
    /// Whether the register as it stands still is yesterday's: in the first hour of the day. A run later than that (a
    /// retry, a node that was down overnight) keeps yesterday's last hourly figures instead of freezing this morning's
    /// changes into yesterday.
    /// </summary>
    public static bool RegisterIsYesterdays(TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).TimeOfDay < TimeSpan.FromHours(1);

    /// <summary>
    /// The days after the last frozen one up to yesterday; when none is frozen in the window, only yesterday, and
    /// nothing while yesterday is before the journal's first day (it could only be computed in full).
    /// </summary>
    public static IReadOnlyList<DateOnly> DaysToFreeze(DateOnly? lastFrozen, DateOnly yesterday, DateOnly firstFullDay)
    {
        var start = lastFrozen is { } last && last >= yesterday.AddDays(-CatchUpDays)
            ? last.AddDays(1)
            : yesterday >= firstFullDay ? yesterday : yesterday.AddDays(1);
        var list = new List<DateOnly>();
        for (var day = start; day <= yesterday; day = day.AddDays(1)) list.Add(day);
        return list;
    }
}
