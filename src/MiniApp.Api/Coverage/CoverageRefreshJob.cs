namespace MiniApp.Api.Coverage;

/// <summary>
/// Hangfire job, hourly: recomputes today's figures from yesterday's frozen figures and the journal rows not yet taken
/// in (in full from the source tables when yesterday is not frozen: the nightly freeze runs before the first refresh
/// after midnight, so only after a missed freeze). Today is never frozen by it; its enterprise figures are the
/// register's.
/// </summary>
public sealed class CoverageRefreshJob(
    MySqlDataSource dataSource, CoverageDays days, TimeProvider clock, ILogger<CoverageRefreshJob> logger)
{
    /// <summary>What the last run computed; null when it did not run (another run held the lock).</summary>
    public CoverageDayResult? Result { get; private set; }

    /// <summary>Returns how many figure rows this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Another node is computing already; the next hour refreshes again.
        await using var held = await CoverageLock.TryAcquireAsync(connection.Db(cancellationToken), TimeSpan.Zero);
        if (held is null)
        {
            logger.LogInformation("Coverage refresh skipped: another run holds the lock");
            return 0;
        }
        Result = await days.ComputeAsync(connection, today, mode: null, freeze: false, readRegister: true,
            cancellationToken);
        logger.LogInformation("Coverage figures of {Day} refreshed ({Mode}): {DeltasRead} journal rows and {RowsRead} "
            + "other rows read, {RowsWritten} written in {ElapsedMs} ms",
            today.ToString("yyyy-MM-dd"), Result.ModeName, Result.DeltasRead, Result.RowsRead, Result.RowsWritten,
            (long)Result.Elapsed.TotalMilliseconds);
        return Result.RowsWritten;
    }
}
