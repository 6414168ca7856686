using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Stations;

/// <summary>
/// POST /api/staff/stations/import?dryRun=true (multipart, field "file": .xlsx or .csv): upserts stations by code and
/// answers a result per row: created, updated, unchanged, or failed with messages per column. Good rows are written
/// in one transaction and bad rows skipped; with dryRun nothing is written and the results say what would happen.
/// A code that belongs to a station outside the caller's subtree fails its row.
/// </summary>
public static class ImportStations
{
    public sealed record RowResult(int Row, string? Code, string Result, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Response(bool DryRun, int Created, int Updated, int Unchanged, int Failed,
        IReadOnlyList<RowResult> Rows);

    private sealed record UnionRef(long Id, string Code, string Name);

    private sealed record ParsedRow(int Row, StationImportCells.Parsed Cells, FieldErrors Errors);

    private sealed record Candidate(int Row, StationDraft Draft, long UnionId, string? Status, StationRow? Before,
        FieldErrors Errors);

    private sealed record Plan(int Row, StationDraft Draft, long UnionId, string? Status, StationRow? Before,
        string[] Changed);

    /// <summary>The import's own settings, bound with [AsParameters] beside the station services.</summary>
    public sealed record Limits(IOptions<StationsOptions> Options, IOptions<ImportsOptions> Imports);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, bool? dryRun,
        StaffContext staff, [AsParameters] StationServices services, [AsParameters] Limits limits)
    {
        if (file is null || file.Length == 0) return Problems.Validation("file", "请上传 .xlsx 或 .csv 文件（表单字段 file）");
        var maxRows = limits.Imports.Value.For(limits.Options.Value.ImportMaxRows);
        var (sheet, refused) = await SheetUpload.ReadAsync(file, StationImportFile.MaxBytes,
            content => StationImportFile.Read(content, file.FileName, maxRows),
            "文件无法读取，请使用下载的模板另存为 .xlsx 或 .csv", services.Cancellation);
        if (sheet is null) return refused!;
        if (sheet.MissingColumns.Count > 0)
            return Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}");
        if (sheet.Rows.Count == 0) return Problems.Validation("file", "文件中没有站点数据");

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var catalog = await services.Facilities.GetAsync(services.Cancellation);
        var parsed = sheet.Rows.Select(row =>
        {
            var errors = new FieldErrors();
            return new ParsedRow(row.Number, StationImportCells.Parse(row, catalog, errors), errors);
        }).ToList();

        var results = new List<RowResult>();
        var candidates = await CandidatesAsync(db, staff, parsed, results);
        var references =
            await StationReferences.LoadAsync(db, candidates.Select(d => d.Draft.RegionCode).Distinct().ToArray(),
            candidates.Select(d => d.UnionId).Distinct().ToArray(), catalog);
        var plans = PlanRows(candidates, references, staff, results);

        var writes = plans.Where(p => p.Before is null || p.Changed.Length > 0).ToList();
        if (dryRun != true && writes.Count > 0)
        {
            if (!await ApplyAsync(connection, db, staff, writes,
                services.UtcNow())) return StationProblems.StateChanged();
            await services.Index.RefreshAfterWriteAsync(services.Cancellation);
        }

        results.Sort((a, b) => a.Row.CompareTo(b.Row));
        return TypedResults.Ok(new Response(dryRun == true, Count("created"), Count("updated"), Count("unchanged"),
            Count("failed"), results));

        int Count(string result) => results.Count(r => r.Result == result);
    }

    /// <summary>
    /// Each row checked on its own and against the stations and unions it names; failures go to results.
    /// </summary>
    private static async Task<List<Candidate>> CandidatesAsync(Db db, StaffContext staff, List<ParsedRow> parsed,
        List<RowResult> results)
    {
        var codes = parsed.Select(p => p.Cells.Input.Code?.Trim().ToUpperInvariant()).OfType<string>()
            .Where(c => c.Length > 0).Distinct().ToArray();
        var existing = codes.Length == 0
            ? []
            : (await db.QueryAsync<StationRow>(StationRow.SelectSql + " WHERE s.code IN @codes", new { codes }))
            .ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var unionRefs = parsed.Select(p => p.Cells.OwningUnion).OfType<string>().Distinct().ToArray();
        var unions = unionRefs.Length == 0
            ? []
            : (await db.QueryAsync<UnionRef>(
                "SELECT id, code, name FROM organizations WHERE code IN @unionRefs OR name IN @unionRefs",
                new { unionRefs })).ToList();

        var candidates = new List<Candidate>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, cells, errors) in parsed)
        {
            var code = cells.Input.Code?.Trim().ToUpperInvariant();
            existing.TryGetValue(code ?? "", out var before);
            if (code is { Length: > 0 } && !firstRowOfCode.TryAdd(code, number))
                errors.Add("code", $"与第{firstRowOfCode[code]}行的站点编码重复");
            if (before is not null && !staff.Covers(before.UnionPath)) errors.Add("code", "该站点编码已被其他单位的站点使用");
            var unionId = cells.OwningUnion is { } reference ? UnionOf(reference, unions, errors) : null;
            var draft = StationRules.Check(cells.Input with { OwningUnionId = unionId }, before?.Code, errors);
            if (draft is null || errors.Count > 0)
            {
                results.Add(Failed(number, code, errors));
                continue;
            }
            candidates.Add(new Candidate(number, draft, unionId ?? before?.OwningUnionId ?? staff.UnionId, cells.Status,
                before, errors));
        }
        return candidates;
    }

    /// <summary>The union a cell names by code or by a name only one union has.</summary>
    private static long? UnionOf(string reference, List<UnionRef> unions, FieldErrors errors)
    {
        var matches = unions
            .Where(u => string.Equals(u.Code, reference, StringComparison.OrdinalIgnoreCase) || u.Name == reference)
            .ToList();
        if (matches.Count == 1) return matches[0].Id;
        errors.Add("owningUnionId", matches.Count == 0
            ? $"找不到工会“{reference}”，请填写工会编码"
            : $"工会名称“{reference}”不唯一，请填写工会编码");
        return null;
    }

    private static List<Plan> PlanRows(List<Candidate> candidates, StationReferences references, StaffContext staff,
        List<RowResult> results)
    {
        var plans = new List<Plan>();
        foreach (var (number, draft, unionId, status, before, errors) in candidates)
        {
            references.Check(draft, unionId, staff, errors);
            if (errors.Count > 0)
            {
                results.Add(Failed(number, draft.Code, errors));
                continue;
            }
            var changed = before is null ? [] : StationWrites.ChangedFields(before, draft, unionId, status);
            plans.Add(new Plan(number, draft, unionId, status, before, changed));
            var result = before is null ? "created" : changed.Length > 0 ? "updated" : "unchanged";
            results.Add(new RowResult(number, draft.Code, result, null));
        }
        return plans;
    }

    /// <summary>False, with nothing written, when a station of the file changed since it was checked.</summary>
    private static async Task<bool> ApplyAsync(MySqlConnection connection, Db db, StaffContext staff, List<Plan> writes,
        DateTime now)
    {
        await using var transaction = await connection.BeginTransactionAsync(db.Cancellation);
        var tx = db.In(transaction);
        var version = await StationWrites.NextVersionAsync(tx);
        // Every station write takes the version row first, so from here nothing else changes stations. The rows were
        // checked before that, though: another write in between (a new code, a station moved out of this staff member's
        // scope, an edit) means the checks no longer hold, and the whole file is refused rather than half-applied.
        var codes = writes.Select(plan => plan.Draft.Code).ToArray();
        var current = (await tx.QueryAsync<(string Code, long Id, DateTime UpdatedAt)>(
                "SELECT code, id, updated_at FROM stations WHERE code IN @codes", new { codes }))
            .ToDictionary(row => row.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var plan in writes)
        {
            var found = current.TryGetValue(plan.Draft.Code, out var row);
            if (plan.Before is null ? found : !found || row.Id != plan.Before.Id
                || row.UpdatedAt != plan.Before.UpdatedAt)
            {
                await transaction.RollbackAsync(db.Cancellation);
                return false;
            }
        }
        foreach (var plan in writes) await WriteAsync(tx, staff, plan, version, now);
        await transaction.CommitAsync(db.Cancellation);
        return true;
    }

    private static async Task WriteAsync(Db tx, StaffContext staff, Plan plan, long version, DateTime now)
    {
        if (plan.Before is null)
        {
            var status = plan.Status ?? StationCatalog.Active;
            var id = await StationWrites.InsertAsync(tx, new(plan.Draft, plan.UnionId, status, version, now));
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "station.created", "station", id,
                new { code = plan.Draft.Code, owningUnionId = plan.UnionId, via = "import" }), now);
            return;
        }
        await StationWrites.UpdateAsync(tx, plan.Before.Id, new(plan.Draft, plan.UnionId, plan.Status, version, now));
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "station.updated", "station", plan.Before.Id,
            new { code = plan.Draft.Code, changed = plan.Changed, via = "import" }), now);
    }

    private static RowResult Failed(int row, string? code, FieldErrors errors) =>
        new(row, string.IsNullOrEmpty(code) ? null : code, "failed",
            errors.ToDictionary().ToDictionary(e => StationImportColumns.HeaderFor(e.Key), e => e.Value));
}
