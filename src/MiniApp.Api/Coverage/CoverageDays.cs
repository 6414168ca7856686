using System.Data;

namespace MiniApp.Api.Coverage;

/// <summary>
/// Computes one day's figures and replaces the day's rows in one transaction, optionally freezing the day. A frozen day
/// is never rewritten: the coverage_days row is locked and checked first, and every update, delete and insert is
/// guarded in SQL too. Freezing first marks the journal rows the day takes in (<see cref="GroupFiguresSql.Mark"/>) and
/// then counts exactly those, in the same transaction. Callers hold <see cref="CoverageLock"/> on the connection so two
/// nodes do not compute at once.
/// </summary>
public sealed class CoverageDays(TimeProvider clock)
{
    private const int IncrementalTimeoutSeconds = 300;
    private const int FullTimeoutSeconds = 3600;

    private const string StateSql = "SELECT day, frozen FROM coverage_days WHERE day IN (@Day, @Previous) FOR UPDATE";

    private const string LastFrozenSql = "SELECT MAX(day) FROM coverage_days WHERE frozen = 1 AND day < @Day";

    private const string InsertDaySql = """
        INSERT INTO coverage_days (day, frozen, mode, deltas_read, rows_read, computed_at)
        VALUES (@Day, 0, @Mode, 0, 0, @Now)
        """;

    internal const string DeleteGroupSql = $"""
        DELETE FROM coverage_group_daily WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        DELETE FROM coverage_decision_days WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        """;

    private const string RecordSql = """
        UPDATE coverage_days SET mode = @Mode, deltas_read = @DeltasRead, rows_read = @RowsRead, computed_at = @Now,
            frozen = @Freeze, frozen_at = IF(@Freeze, @Now, NULL)
        WHERE day = @Day AND frozen = 0
        """;

    /// <summary>The parameters every statement of the day takes. LastFrozen is the last frozen day before the day
    /// ('1000-01-01' when none).</summary>
    private sealed record DayKeys(DateTime Day, DateTime Previous, DateTime LastFrozen);

    /// <summary>What coverage_days says of the day and the day before, read under lock.</summary>
    private sealed record DayState(bool Exists, bool Frozen, bool PreviousFrozen, DayKeys Keys);

    /// <summary>Journal rows and other rows read, and figure rows written, so far.</summary>
    private sealed record Counts(long DeltasRead, long RowsRead, int Written)
    {
        public Counts Plus(long rowsRead, int written) => new(DeltasRead, RowsRead + rowsRead, Written + written);
    }

    /// <summary>
    /// mode null: incremental when the previous day is frozen, else full. Incremental needs the previous day
    /// frozen; full needs the day on or after the journal's start. readRegister: the enterprise figures from the
    /// register as it stands (right for today and, just after midnight, yesterday); otherwise the day keeps its own
    /// enterprise rows, or carries the previous day's forward, and reads the register only when neither has any.
    /// </summary>
    public async Task<CoverageDayResult> ComputeAsync(MySqlConnection connection, DateOnly day, CoverageMode? mode,
        bool freeze, bool readRegister, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        // Read committed: the inserts read the source tables without locking their rows, so reviewers never wait.
        await using var transaction =
            await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var tx = connection.Db(transaction, cancellationToken);
        var state = await StateAsync(tx, day);
        if (state.Frozen)
        {
            return new CoverageDayResult(day, mode ?? CoverageMode.Incremental, 0, 0, 0, true,
                clock.GetElapsedTime(started), AlreadyFrozen: true);
        }

        var chosen = await ChooseAsync(tx, day, mode, state.PreviousFrozen);
        var keys = state.Keys;
        if (!state.Exists) await tx.ExecuteAsync(InsertDaySql, new { keys.Day, Mode = Name(chosen), Now = now });

        var full = chosen == CoverageMode.Full;
        var run = tx.WithTimeout(full ? FullTimeoutSeconds : IncrementalTimeoutSeconds);
        var counts = await WriteGroupFiguresAsync(run, keys, full, freeze);
        var source = readRegister ? CoverageEnterpriseSource.Register : await EnterpriseSourceAsync(tx, keys);
        counts = await WriteEnterpriseFiguresAsync(run, keys, source, counts);

        var recorded = await tx.ExecuteAsync(RecordSql, new
        {
            keys.Day,
            Mode = Name(chosen),
            DeltasRead = (int)counts.DeltasRead,
            RowsRead = (int)counts.RowsRead,
            Now = now,
            Freeze = freeze,
        });
        if (recorded != 1)
            throw new InvalidOperationException($"coverage_days {day:yyyy-MM-dd} changed while it was computed.");
        await transaction.CommitAsync(cancellationToken);
        return new CoverageDayResult(day, chosen, (int)counts.DeltasRead, (int)counts.RowsRead, counts.Written, freeze,
            clock.GetElapsedTime(started), Enterprises: source);
    }

    public static string Name(CoverageMode mode) => mode == CoverageMode.Full ? "full" : "incremental";

    private static async Task<DayState> StateAsync(Db tx, DateOnly day)
    {
        var dayKeys = new { Day = At(day), Previous = At(day.AddDays(-1)) };
        var frozen = (await tx.QueryAsync<(DateTime Day, bool Frozen)>(StateSql, dayKeys))
            .ToDictionary(row => DateOnly.FromDateTime(row.Day), row => row.Frozen);
        var lastFrozen = await tx.ExecuteScalarAsync<DateTime?>(LastFrozenSql, dayKeys);
        var keys = new DayKeys(dayKeys.Day, dayKeys.Previous, lastFrozen ?? new DateTime(1000, 1, 1));
        return new DayState(frozen.ContainsKey(day), frozen.GetValueOrDefault(day),
            frozen.GetValueOrDefault(day.AddDays(-1)), keys);
    }

    /// <summary>The mode to compute in, refusing an incremental day without a frozen day before it, and a full one
    /// before the journal started.</summary>
    private static async Task<CoverageMode> ChooseAsync(Db tx, DateOnly day, CoverageMode? mode, bool previousFrozen)
    {
        var chosen = mode ?? (previousFrozen ? CoverageMode.Incremental : CoverageMode.Full);
        if (chosen == CoverageMode.Incremental && !previousFrozen)
        {
            throw new InvalidOperationException(
                $"An incremental refresh of {day:yyyy-MM-dd} needs {day.AddDays(-1):yyyy-MM-dd} frozen.");
        }
        if (chosen == CoverageMode.Incremental) return chosen;
        var first = await CoverageJournalStart.FirstFullDayAsync(tx);
        if (day < first)
        {
            throw new InvalidOperationException($"The journal started on {first:yyyy-MM-dd}: {day:yyyy-MM-dd} cannot "
                + "be computed in full (the source tables hold today's stocks, and the journal cannot take them back "
                + "that far). Days before it are computed only from a frozen day before them.");
        }
        return chosen;
    }

    /// <summary>Replaces the day's worker figures and decision days; freezing marks the journal rows first.</summary>
    private static async Task<Counts> WriteGroupFiguresAsync(Db run, DayKeys keys, bool full, bool freeze)
    {
        if (freeze) await run.ExecuteAsync(GroupFiguresSql.Mark, keys);
        var reads = full ? GroupFiguresSql.FullReads : GroupFiguresSql.IncrementalReads(freeze);
        var (deltasRead, rowsRead) = await run.QuerySingleAsync<(long, long)>(reads, keys);
        await run.ExecuteAsync(DeleteGroupSql, keys);
        var figures = full ? GroupFiguresSql.Full(freeze) : GroupFiguresSql.Incremental(freeze);
        var written = await run.ExecuteAsync(figures, keys);
        written += await run.ExecuteAsync(GroupFiguresSql.DecisionDays(freeze), keys);
        return new Counts(deltasRead, rowsRead, written);
    }

    private static async Task<CoverageEnterpriseSource> EnterpriseSourceAsync(Db tx, DayKeys keys)
    {
        var (dayRows, previousRows) = await tx.QuerySingleAsync<(bool, bool)>(EnterpriseFiguresSql.Existing, keys);
        return dayRows ? CoverageEnterpriseSource.Kept
            : previousRows ? CoverageEnterpriseSource.Carried
            : CoverageEnterpriseSource.Register;
    }

    /// <summary>Replaces the day's enterprise figures from the register or with the previous day's; kept rows stay.
    /// </summary>
    private static async Task<Counts> WriteEnterpriseFiguresAsync(Db run, DayKeys keys,
        CoverageEnterpriseSource source, Counts counts)
    {
        switch (source)
        {
            case CoverageEnterpriseSource.Register:
                var registerRows = await run.ExecuteScalarAsync<long>(EnterpriseFiguresSql.RegisterRows, keys);
                await run.ExecuteAsync(EnterpriseFiguresSql.Delete, keys);
                return counts.Plus(registerRows, await run.ExecuteAsync(EnterpriseFiguresSql.Insert, keys));
            case CoverageEnterpriseSource.Carried:
                await run.ExecuteAsync(EnterpriseFiguresSql.Delete, keys);
                var carried = await run.ExecuteAsync(EnterpriseFiguresSql.CarryForward, keys);
                return counts.Plus(carried, carried);
            default:
                return counts;
        }
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
