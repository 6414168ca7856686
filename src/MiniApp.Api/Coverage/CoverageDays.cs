using System.Data;
using Dapper;
using MySqlConnector;

namespace MiniApp.Api.Coverage;

/// <summary>
/// Computes one day's figures and replaces the day's rows in one transaction, optionally freezing the day. A frozen day is
/// never rewritten: the coverage_days row is locked and checked first, and every delete and insert is guarded in SQL too.
/// Callers hold <see cref="CoverageLock"/> on the connection so two nodes do not compute at once.
/// </summary>
public sealed class CoverageDays(TimeProvider clock)
{
    private const int IncrementalTimeoutSeconds = 300;
    private const int FullTimeoutSeconds = 3600;

    private const string StateSql = "SELECT day, frozen FROM coverage_days WHERE day IN (@Day, @Previous) FOR UPDATE";

    internal const string DeleteSql = $"""
        DELETE FROM coverage_group_daily WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        DELETE FROM coverage_decision_days WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        DELETE FROM coverage_enterprise_daily WHERE day = @Day AND {GroupFiguresSql.NotFrozen};
        """;

    private const string RecordSql = """
        UPDATE coverage_days SET mode = @Mode, deltas_read = @DeltasRead, rows_read = @RowsRead, computed_at = @Now,
            frozen = @Freeze, frozen_at = IF(@Freeze, @Now, NULL)
        WHERE day = @Day AND frozen = 0
        """;

    /// <summary>mode null: incremental when the previous day is frozen, else full. Incremental needs the previous day frozen.</summary>
    public async Task<CoverageDayResult> ComputeAsync(MySqlConnection connection, DateOnly day, CoverageMode? mode, bool freeze,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var parameters = new { Day = day.ToDateTime(TimeOnly.MinValue), Previous = day.AddDays(-1).ToDateTime(TimeOnly.MinValue) };
        // Read committed: the inserts read the source tables without locking their rows, so reviewers are never held up.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var state = (await connection.QueryAsync<(DateTime Day, bool Frozen)>(new CommandDefinition(StateSql, parameters, transaction,
            cancellationToken: cancellationToken))).ToDictionary(row => DateOnly.FromDateTime(row.Day), row => row.Frozen);
        if (state.GetValueOrDefault(day))
            return new CoverageDayResult(day, mode ?? CoverageMode.Incremental, 0, 0, 0, true, clock.GetElapsedTime(started), AlreadyFrozen: true);

        var previousFrozen = state.GetValueOrDefault(day.AddDays(-1));
        var chosen = mode ?? (previousFrozen ? CoverageMode.Incremental : CoverageMode.Full);
        if (chosen == CoverageMode.Incremental && !previousFrozen)
            throw new InvalidOperationException($"An incremental refresh of {day:yyyy-MM-dd} needs {day.AddDays(-1):yyyy-MM-dd} frozen.");
        if (!state.ContainsKey(day))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO coverage_days (day, frozen, mode, deltas_read, rows_read, computed_at) VALUES (@Day, 0, @Mode, 0, 0, @Now)
                """, new { parameters.Day, Mode = Name(chosen), Now = now }, transaction, cancellationToken: cancellationToken));
        }

        var full = chosen == CoverageMode.Full;
        var timeout = full ? FullTimeoutSeconds : IncrementalTimeoutSeconds;
        var (deltasRead, rowsRead) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            full ? GroupFiguresSql.FullReads : GroupFiguresSql.IncrementalReads, parameters, transaction, timeout, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, parameters, transaction, timeout, cancellationToken: cancellationToken));
        var written = await connection.ExecuteAsync(new CommandDefinition(full ? GroupFiguresSql.Full : GroupFiguresSql.Incremental,
            parameters, transaction, timeout, cancellationToken: cancellationToken));
        written += await connection.ExecuteAsync(new CommandDefinition(GroupFiguresSql.DecisionDays, parameters, transaction, timeout,
            cancellationToken: cancellationToken));
        written += await connection.ExecuteAsync(new CommandDefinition(EnterpriseFiguresSql.Insert, parameters, transaction, timeout,
            cancellationToken: cancellationToken));
        var recorded = await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            parameters.Day, Mode = Name(chosen), DeltasRead = (int)deltasRead, RowsRead = (int)rowsRead, Now = now, Freeze = freeze,
        }, transaction, cancellationToken: cancellationToken));
        if (recorded != 1) throw new InvalidOperationException($"coverage_days {day:yyyy-MM-dd} changed while it was computed.");
        await transaction.CommitAsync(cancellationToken);
        return new CoverageDayResult(day, chosen, (int)deltasRead, (int)rowsRead, written, freeze, clock.GetElapsedTime(started));
    }

    public static string Name(CoverageMode mode) => mode == CoverageMode.Full ? "full" : "incremental";
}
