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

    public sealed record Response(bool DryRun, int Created, int Updated, int Unchanged, int Failed, IReadOnlyList<RowResult> Rows);

    private sealed record UnionRef(long Id, string Code, string Name);

    private sealed record Plan(int Row, StationDraft Draft, long UnionId, string? Status, StationRow? Before, string[] Changed);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, bool? dryRun, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FacilityCatalog facilities, StationIndex index, IOptions<StationsOptions> options,
        IOptions<ImportsOptions> imports, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await StationAccess.EditorAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        if (file is null || file.Length == 0) return Problems.Validation("file", "请上传 .xlsx 或 .csv 文件（表单字段 file）");
        var (sheet, refused) = await SheetUpload.ReadAsync(file, StationImportFile.MaxBytes,
            content => StationImportFile.Read(content, file.FileName, imports.Value.For(options.Value.ImportMaxRows)),
            "文件无法读取，请使用下载的模板另存为 .xlsx 或 .csv", cancellationToken);
        if (sheet is null) return refused!;
        if (sheet.MissingColumns.Count > 0) return Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}");
        if (sheet.Rows.Count == 0) return Problems.Validation("file", "文件中没有站点数据");

        var catalog = await facilities.GetAsync(cancellationToken);
        var parsed = sheet.Rows.Select(row =>
        {
            var errors = new FieldErrors();
            return (row.Number, Cells: StationImportCells.Parse(row, catalog, errors), Errors: errors);
        }).ToList();
        var codes = parsed.Select(p => p.Cells.Input.Code?.Trim().ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct().ToArray();
        var existing = codes.Length == 0 ? [] : (await connection.QueryAsync<StationRow>(new CommandDefinition(
            StationRow.SelectSql + " WHERE s.code IN @codes", new { codes }, cancellationToken: cancellationToken)))
            .ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var unionRefs = parsed.Select(p => p.Cells.OwningUnion).OfType<string>().Distinct().ToArray();
        var unions = unionRefs.Length == 0 ? [] : (await connection.QueryAsync<UnionRef>(new CommandDefinition(
            "SELECT id, code, name FROM organizations WHERE code IN @unionRefs OR name IN @unionRefs", new { unionRefs },
            cancellationToken: cancellationToken))).ToList();

        var results = new List<RowResult>();
        var plans = new List<Plan>();
        var drafts = new List<(int Row, StationDraft Draft, long UnionId, string? Status, StationRow? Before, FieldErrors Errors)>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, cells, errors) in parsed)
        {
            var code = cells.Input.Code?.Trim().ToUpperInvariant();
            existing.TryGetValue(code ?? "", out var before);
            if (code is { Length: > 0 } && !firstRowOfCode.TryAdd(code, number)) errors.Add("code", $"与第{firstRowOfCode[code]}行的站点编码重复");
            if (before is not null && !staff.Covers(before.UnionPath)) errors.Add("code", "该站点编码已被其他单位的站点使用");
            long? unionId = null;
            if (cells.OwningUnion is { } reference)
            {
                var matches = unions.Where(u => string.Equals(u.Code, reference, StringComparison.OrdinalIgnoreCase) || u.Name == reference).ToList();
                if (matches.Count == 1) unionId = matches[0].Id;
                else errors.Add("owningUnionId", matches.Count == 0 ? $"找不到工会“{reference}”，请填写工会编码" : $"工会名称“{reference}”不唯一，请填写工会编码");
            }
            var draft = StationRules.Check(cells.Input with { OwningUnionId = unionId }, before?.Code, errors);
            if (draft is null || errors.Count > 0)
            {
                results.Add(Failed(number, code, errors));
                continue;
            }
            drafts.Add((number, draft, unionId ?? before?.OwningUnionId ?? staff.UnionId, cells.Status, before, errors));
        }

        var references = await StationReferences.LoadAsync(connection, drafts.Select(d => d.Draft.RegionCode).Distinct().ToArray(),
            drafts.Select(d => d.UnionId).Distinct().ToArray(), catalog, cancellationToken);
        foreach (var (number, draft, unionId, status, before, errors) in drafts)
        {
            references.Check(draft, unionId, staff, errors);
            if (errors.Count > 0)
            {
                results.Add(Failed(number, draft.Code, errors));
                continue;
            }
            var changed = before is null ? [] : StationWrites.ChangedFields(before, draft, unionId, status);
            plans.Add(new Plan(number, draft, unionId, status, before, changed));
            results.Add(new RowResult(number, draft.Code, before is null ? "created" : changed.Length > 0 ? "updated" : "unchanged", null));
        }

        var writes = plans.Where(p => p.Before is null || p.Changed.Length > 0).ToList();
        if (dryRun != true && writes.Count > 0 && !await ApplyAsync(connection, staff, writes, clock.GetUtcNow().UtcDateTime, cancellationToken))
            return StationProblems.StateChanged();
        if (dryRun != true && writes.Count > 0) await index.RefreshAfterWriteAsync(cancellationToken);

        results.Sort((a, b) => a.Row.CompareTo(b.Row));
        return TypedResults.Ok(new Response(dryRun == true, results.Count(r => r.Result == "created"), results.Count(r => r.Result == "updated"),
            results.Count(r => r.Result == "unchanged"), results.Count(r => r.Result == "failed"), results));
    }

    /// <summary>False, with nothing written, when a station of the file changed since it was checked.</summary>
    private static async Task<bool> ApplyAsync(MySqlConnection connection, StaffContext staff, List<Plan> writes, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await StationWrites.NextVersionAsync(connection, transaction, cancellationToken);
        // Every station write takes the version row first, so from here nothing else changes stations. The rows were
        // checked before that, though: another write in between (a new code, a station moved out of this staff member's
        // scope, an edit) means the checks no longer hold, and the whole file is refused rather than half-applied.
        var codes = writes.Select(plan => plan.Draft.Code).ToArray();
        var current = (await connection.QueryAsync<(string Code, long Id, DateTime UpdatedAt)>(new CommandDefinition(
            "SELECT code, id, updated_at FROM stations WHERE code IN @codes", new { codes }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var plan in writes)
        {
            var found = current.TryGetValue(plan.Draft.Code, out var row);
            if (plan.Before is null ? found : !found || row.Id != plan.Before.Id || row.UpdatedAt != plan.Before.UpdatedAt)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        foreach (var plan in writes)
        {
            if (plan.Before is null)
            {
                var id = await StationWrites.InsertAsync(connection, transaction, plan.Draft, plan.UnionId, plan.Status ?? StationCatalog.Active,
                    version, now, cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "station.created", "station", id,
                    new { code = plan.Draft.Code, owningUnionId = plan.UnionId, via = "import" }, now, cancellationToken);
            }
            else
            {
                await StationWrites.UpdateAsync(connection, transaction, plan.Before.Id, plan.Draft, plan.UnionId, plan.Status, version, now,
                    cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "station.updated", "station", plan.Before.Id,
                    new { code = plan.Draft.Code, changed = plan.Changed, via = "import" }, now, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static RowResult Failed(int row, string? code, FieldErrors errors) => new(row, string.IsNullOrEmpty(code) ? null : code, "failed",
        errors.ToDictionary().ToDictionary(e => StationImportColumns.HeaderFor(e.Key), e => e.Value));
}
