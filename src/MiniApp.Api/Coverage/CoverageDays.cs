using System.Data;

namespace MiniApp.Api.Coverage;

/// <summary>
/// Computes one day's figures and replaces the day's rows in one transaction, optionally freezing the day. A frozen day is
/// never rewritten: the coverage_days row is locked and checked first, and every update, delete and insert is guarded in
/// SQL too. Freezing first marks the journal rows the day takes in (<see cref="GroupFiguresSql.Mark"/>) and then counts
/// exactly those, in the same transaction. Callers hold <see cref="CoverageLock"/> on the connection so two nodes do not
/// compute at once.
/// </summary>
public sealed class CoverageDays(TimeProvider clock)
{
    private const int IncrementalTimeoutSeconds = 300;
    private const int FullTimeoutSeconds = 3600;

    private const string StateSql = "SELECT day, frozen FROM coverage_days WHERE day IN (@Day, @Previous) FOR UPDATE";

    private const string LastFrozenSql = "SELECT MAX(day) FROM coverage_days WHERE frozen = 1 AND day < @Day";

    internal const string DeleteGroupSql = $"""
        DELETE FROM coverage_group_daily WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        DELETE FROM coverage_decision_days WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        """;

    private const string RecordSql = """
        UPDATE coverage_days SET mode = @Mode, deltas_read = @DeltasRead, rows_read = @RowsRead, computed_at = @Now,
            frozen = @Freeze, frozen_at = IF(@Freeze, @Now, NULL)
        WHERE day = @Day AND frozen = 0
        """;

    /// <summary>
    /// mode null: incremental when the previous day is frozen, else full. Incremental needs the previous day frozen; full
    /// needs the day on or after the journal's start. readRegister: the enterprise figures from the register as it stands
    /// (right for today and, just after midnight, yesterday); otherwise the day keeps its own enterprise rows, or carries
    /// the previous day's forward, and reads the register only when neither has any.
    /// </summary>
    public async Task<CoverageDayResult> ComputeAsync(MySqlConnection connection, DateOnly day, CoverageMode? mode, bool freeze,
        bool readRegister, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var dayParameters = new { Day = day.ToDateTime(TimeOnly.MinValue), Previous = day.AddDays(-1).ToDateTime(TimeOnly.MinValue) };
        // Read committed: the inserts read the source tables without locking their rows, so reviewers are never held up.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var state = (await connection.QueryAsync<(DateTime Day, bool Frozen)>(new CommandDefinition(StateSql, dayParameters, transaction,
            cancellationToken: cancellationToken))).ToDictionary(row => DateOnly.FromDateTime(row.Day), row => row.Frozen);
        var lastFrozen = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(LastFrozenSql, dayParameters, transaction,
            cancellationToken: cancellationToken));
        var parameters = new { dayParameters.Day, dayParameters.Previous, LastFrozen = lastFrozen ?? new DateTime(1000, 1, 1) };
        if (state.GetValueOrDefault(day))
            return new CoverageDayResult(day, mode ?? CoverageMode.Incremental, 0, 0, 0, true, clock.GetElapsedTime(started), AlreadyFrozen: true);

        var previousFrozen = state.GetValueOrDefault(day.AddDays(-1));
        var chosen = mode ?? (previousFrozen ? CoverageMode.Incremental : CoverageMode.Full);
        if (chosen == CoverageMode.Incremental && !previousFrozen)
            throw new InvalidOperationException($"An incremental refresh of {day:yyyy-MM-dd} needs {day.AddDays(-1):yyyy-MM-dd} frozen.");
        var full = chosen == CoverageMode.Full;
        if (full)
        {
            var firstFullDay = await CoverageJournalStart.FirstFullDayAsync(connection, transaction, cancellationToken);
            if (day < firstFullDay)
                throw new InvalidOperationException($"The journal started on {firstFullDay:yyyy-MM-dd}: {day:yyyy-MM-dd} cannot be computed in full " +
                    "(the source tables hold today's stocks, and the journal cannot take them back that far). Days before it are computed " +
                    "only from a frozen day before them.");
        }
        if (!state.ContainsKey(day))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO coverage_days (day, frozen, mode, deltas_read, rows_read, computed_at) VALUES (@Day, 0, @Mode, 0, 0, @Now)
                """, new { parameters.Day, Mode = Name(chosen), Now = now }, transaction, cancellationToken: cancellationToken));
        }

        var timeout = full ? FullTimeoutSeconds : IncrementalTimeoutSeconds;
        Task<int> ExecuteAsync(string sql) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, timeout, cancellationToken: cancellationToken));

        if (freeze) await ExecuteAsync(GroupFiguresSql.Mark);
        var (deltasRead, rowsRead) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            full ? GroupFiguresSql.FullReads : GroupFiguresSql.IncrementalReads(freeze), parameters, transaction, timeout,
            cancellationToken: cancellationToken));
        await ExecuteAsync(DeleteGroupSql);
        var written = await ExecuteAsync(full ? GroupFiguresSql.Full(freeze) : GroupFiguresSql.Incremental(freeze));
        written += await ExecuteAsync(GroupFiguresSql.DecisionDays(freeze));

        var source = await EnterpriseSourceAsync(connection, transaction, parameters, readRegister, cancellationToken);
        if (source == CoverageEnterpriseSource.Register)
        {
            rowsRead += await connection.ExecuteScalarAsync<long>(new CommandDefinition(EnterpriseFiguresSql.RegisterRows, parameters,
                transaction, timeout, cancellationToken: cancellationToken));
            await ExecuteAsync(EnterpriseFiguresSql.Delete);
            written += await ExecuteAsync(EnterpriseFiguresSql.Insert);
        }
        else if (source == CoverageEnterpriseSource.Carried)
        {
            await ExecuteAsync(EnterpriseFiguresSql.Delete);
            var carried = await ExecuteAsync(EnterpriseFiguresSql.CarryForward);
            rowsRead += carried;
            written += carried;
        }

        var recorded = await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            parameters.Day, Mode = Name(chosen), DeltasRead = (int)deltasRead, RowsRead = (int)rowsRead, Now = now, Freeze = freeze,
        }, transaction, cancellationToken: cancellationToken));
        if (recorded != 1) throw new InvalidOperationException($"coverage_days {day:yyyy-MM-dd} changed while it was computed.");
        await transaction.CommitAsync(cancellationToken);
        return new CoverageDayResult(day, chosen, (int)deltasRead, (int)rowsRead, written, freeze, clock.GetElapsedTime(started),
            Enterprises: source);
    }

    private static async Task<CoverageEnterpriseSource> EnterpriseSourceAsync(MySqlConnection connection, MySqlTransaction transaction,
        object parameters, bool readRegister, CancellationToken cancellationToken)
    {
        if (readRegister) return CoverageEnterpriseSource.Register;
        var (dayRows, previousRows) = await connection.QuerySingleAsync<(bool, bool)>(new CommandDefinition(EnterpriseFiguresSql.Existing,
            parameters, transaction, cancellationToken: cancellationToken));
        return dayRows ? CoverageEnterpriseSource.Kept : previousRows ? CoverageEnterpriseSource.Carried : CoverageEnterpriseSource.Register;
    }

    public static string Name(CoverageMode mode) => mode == CoverageMode.Full ? "full" : "incremental";
}
