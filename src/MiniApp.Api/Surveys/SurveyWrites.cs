namespace MiniApp.Api.Surveys;

/// <summary>
/// Saves checked survey rows of one period in one transaction: new rows inserted, changed rows updated, identical rows
/// left alone (their updated_at keeps saying when the figures last changed). Answers created, updated or unchanged per row.
/// </summary>
public static class SurveyWrites
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    private sealed record Existing(string TownshipCode, string WorkerGroupCode, int Workers, int Units, int UnitsWithUnion, string? CoverageMode,
        string? Note);

    private const string ExistingSql = """
        SELECT township_code, worker_group_code, workers, units, units_with_union, coverage_mode, note
        FROM group_surveys
        WHERE period_start = @PeriodStart AND township_code IN @Townships
        """;

    private const string UpsertSql = """
        INSERT INTO group_surveys (period_start, township_code, worker_group_code, workers, units, units_with_union, coverage_mode, note,
            updated_by, updated_at)
        VALUES (@PeriodStart, @TownshipCode, @WorkerGroupCode, @Workers, @Units, @UnitsWithUnion, @CoverageMode, @Note, @UpdatedBy, @Now)
        ON DUPLICATE KEY UPDATE workers = @Workers, units = @Units, units_with_union = @UnitsWithUnion, coverage_mode = @CoverageMode,
            note = @Note, updated_by = @UpdatedBy, updated_at = @Now
        """;

    /// <summary>What saving would do to each record, in order; with <paramref name="write"/> it also saves them.</summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(MySqlConnection connection, DateOnly periodStart, IReadOnlyList<SurveyRecord> records,
        long? staffId, string via, bool write, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = write ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var period = periodStart.ToDateTime(TimeOnly.MinValue);
        var townships = records.Select(r => r.TownshipCode).Distinct().ToArray();
        var existing = (await connection.QueryAsync<Existing>(new CommandDefinition(ExistingSql + (write ? " FOR UPDATE" : ""),
                new { PeriodStart = period, Townships = townships }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(e => (e.TownshipCode, e.WorkerGroupCode));
        var results = records.Select(r => !existing.TryGetValue((r.TownshipCode, r.WorkerGroupCode), out var before) ? Created
            : before == new Existing(r.TownshipCode, r.WorkerGroupCode, r.Workers, r.Units, r.UnitsWithUnion, r.CoverageMode, r.Note) ? Unchanged
            : Updated).ToList();
        if (transaction is null) return results;

        var changed = records.Where((_, i) => results[i] != Unchanged).ToList();
        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(UpsertSql, changed.Select(r => new
            {
                PeriodStart = period, r.TownshipCode, r.WorkerGroupCode, r.Workers, r.Units, r.UnitsWithUnion, r.CoverageMode, r.Note,
                UpdatedBy = staffId, Now = now,
            }).ToList(), transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staffId, "group_surveys.saved", "group_survey_period", periodStart.Year * 10000 + periodStart.Month * 100 + periodStart.Day, new { periodStart, via, created = results.Count(r => r == Created), updated = results.Count(r => r == Updated) }), now);
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }
}
