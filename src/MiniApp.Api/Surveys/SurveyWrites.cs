namespace MiniApp.Api.Surveys;

/// <summary>
/// Saves checked survey rows of one period in one transaction: new rows inserted, changed rows updated, identical rows
/// left alone (their updated_at keeps saying when the figures last changed). Answers created, updated or unchanged per
/// row.
/// </summary>
public static class SurveyWrites
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    /// <summary>Where the rows came from, for the audit row: the JSON API or an uploaded sheet.</summary>
    public const string ViaApi = "api";
    public const string ViaImport = "import";

    /// <summary>Checked rows of one period, who saves them, from where and when. Without <see cref="Write"/> nothing
    /// is saved: the answer only says what saving would do.</summary>
    public sealed record Save(
        DateOnly PeriodStart, IReadOnlyList<SurveyRecord> Records, long? StaffId, string Via, bool Write, DateTime Now);

    private sealed record Existing(
        string TownshipCode, string WorkerGroupCode, int Workers, int Units, int UnitsWithUnion, string? CoverageMode,
        string? Note);

    private const string ExistingSql = """
        SELECT township_code, worker_group_code, workers, units, units_with_union, coverage_mode, note
        FROM group_surveys
        WHERE period_start = @PeriodStart AND township_code IN @Townships
        """;

    private const string UpsertSql = """
        INSERT INTO group_surveys (period_start, township_code, worker_group_code, workers, units, units_with_union,
            coverage_mode, note, updated_by, updated_at)
        VALUES (@PeriodStart, @TownshipCode, @WorkerGroupCode, @Workers, @Units, @UnitsWithUnion, @CoverageMode, @Note,
            @UpdatedBy, @Now)
        ON DUPLICATE KEY UPDATE workers = @Workers, units = @Units, units_with_union = @UnitsWithUnion,
            coverage_mode = @CoverageMode, note = @Note, updated_by = @UpdatedBy, updated_at = @Now
        """;

    /// <summary>What saving would do to each record, in order; with <see cref="Save.Write"/> it also saves them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(Db db, Save save)
    {
        await using var transaction = save.Write ? await db.Connection.BeginTransactionAsync(db.Cancellation) : null;
        var tx = transaction is null ? db : db.In(transaction);
        var period = save.PeriodStart.ToDateTime(TimeOnly.MinValue);
        var townships = save.Records.Select(r => r.TownshipCode).Distinct().ToArray();
        var existing = (await tx.QueryAsync<Existing>(ExistingSql + (save.Write ? " FOR UPDATE" : ""),
                new { PeriodStart = period, Townships = townships }))
            .ToDictionary(e => (e.TownshipCode, e.WorkerGroupCode));
        var results = save.Records.Select(r => Outcome(r, existing)).ToList();
        if (transaction is null) return results;

        var changed = save.Records.Where((_, i) => results[i] != Unchanged).ToList();
        if (changed.Count > 0)
        {
            await tx.ExecuteAsync(UpsertSql, changed.Select(r => new
            {
                PeriodStart = period, r.TownshipCode, r.WorkerGroupCode, r.Workers, r.Units, r.UnitsWithUnion,
                r.CoverageMode, r.Note, UpdatedBy = save.StaffId, save.Now,
            }).ToList());
            var detail = new
            {
                periodStart = save.PeriodStart,
                via = save.Via,
                created = results.Count(r => r == Created),
                updated = results.Count(r => r == Updated),
            };
            var periodId = save.PeriodStart.Year * 10000 + save.PeriodStart.Month * 100 + save.PeriodStart.Day;
            var entry =
                AuditEntry.ByStaff(save.StaffId, "group_surveys.saved", "group_survey_period", periodId, detail);
            await AuditLog.WriteAsync(tx, entry, save.Now);
        }
        await transaction.CommitAsync(db.Cancellation);
        return results;
    }

    private static string Outcome(SurveyRecord r, Dictionary<(string, string), Existing> existing) =>
        !existing.TryGetValue((r.TownshipCode, r.WorkerGroupCode), out var before) ? Created
        : before == new Existing(r.TownshipCode, r.WorkerGroupCode, r.Workers, r.Units, r.UnitsWithUnion,
            r.CoverageMode, r.Note) ? Unchanged
        : Updated;
}
