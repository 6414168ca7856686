namespace MiniApp.Api.Coverage;

/// <summary>
/// Writes the signed coverage_deltas rows of an application's change of status, inside the transaction that makes the
/// change, so the journal and the applications table never disagree. Each writer of status makes one call.
/// </summary>
public static class CoverageJournal
{
    private const string ApplicationSql = """
        SELECT residence_township, worker_group_code, submitted_at, status FROM applications
        WHERE id = @applicationId FOR UPDATE
        """;

    private const string RejectedStatus = "rejected";

    private sealed record ApplicationCell(CoverageCell Cell, DateTime SubmittedAt, string Status);

    /// <summary>After the application row is inserted.</summary>
    public static async Task SubmittedAsync(Db tx, long applicationId, DateTime nowUtc)
    {
        var application = await ReadAsync(tx, applicationId);
        await WriteAsync(tx, applicationId, CoverageChanges.Submitted(application.Cell, nowUtc), nowUtc);
    }

    /// <summary>After the status is set to withdrawn.</summary>
    public static async Task WithdrawnAsync(Db tx, long applicationId, DateTime nowUtc)
    {
        var application = await ReadAsync(tx, applicationId);
        await WriteAsync(tx, applicationId, CoverageChanges.Withdrawn(application.Cell, nowUtc), nowUtc);
    }

    /// <summary>After the status is set to rejected.</summary>
    public static async Task RejectedAsync(Db tx, long applicationId, DateTime nowUtc)
    {
        var application = await ReadAsync(tx, applicationId);
        await WriteAsync(tx, applicationId,
            CoverageChanges.Rejected(application.Cell, application.SubmittedAt, nowUtc), nowUtc);
    }

    /// <summary>After the status is set to approved; the member counts under the application's township and group.
    /// </summary>
    public static async Task ApprovedAsync(Db tx, long applicationId, DateTime nowUtc)
    {
        var application = await ReadAsync(tx, applicationId);
        await WriteAsync(tx, applicationId,
            CoverageChanges.Approved(application.Cell, application.SubmittedAt, nowUtc), nowUtc);
    }

    /// <summary>
    /// Before the rejected application is overwritten by the corrected form, while its old township and group can
    /// still be read (the row stays locked until the transaction ends). Writes nothing when it is no longer rejected:
    /// the guarded update that follows then changes nothing and the transaction is not committed.
    /// </summary>
    public static async Task ResubmittingAsync(Db tx, long applicationId, CoverageCell after, DateTime nowUtc)
    {
        var application = await ReadAsync(tx, applicationId);
        if (application.Status != RejectedStatus) return;
        await WriteAsync(tx, applicationId, CoverageChanges.Resubmitted(application.Cell, after, nowUtc), nowUtc);
    }

    private static async Task<ApplicationCell> ReadAsync(Db tx, long applicationId)
    {
        var (township, group, submittedAt, status) =
            await tx.QuerySingleAsync<(string, string, DateTime, string)>(ApplicationSql, new { applicationId });
        return new ApplicationCell(new CoverageCell(township, group), submittedAt, status);
    }

    private static Task WriteAsync(Db tx, long applicationId, IReadOnlyList<JournalEntry> entries, DateTime nowUtc)
    {
        var parameters = new DynamicParameters(new { applicationId, Now = nowUtc });
        var rows = new List<string>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            parameters.Add($"Day{i}", entry.Day.ToDateTime(TimeOnly.MinValue));
            parameters.Add($"Township{i}", entry.Cell.TownshipCode);
            parameters.Add($"Group{i}", entry.Cell.WorkerGroupCode);
            parameters.Add($"Measure{i}", entry.Measure);
            parameters.Add($"Delta{i}", entry.Delta);
            parameters.Add($"DecisionDays{i}", entry.DecisionDays);
            rows.Add(
                $"(@Day{i}, @Township{i}, @Group{i}, @Measure{i}, @Delta{i}, @DecisionDays{i}, @applicationId, @Now)");
        }
        var sql = $"""
            INSERT INTO coverage_deltas (day, township_code, worker_group_code, measure, delta, decision_days,
                application_id, occurred_at)
            VALUES {string.Join(", ", rows)}
            """;
        return tx.ExecuteAsync(sql, parameters);
    }
}
