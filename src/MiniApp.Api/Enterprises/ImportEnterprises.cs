using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises/import?dryRun=true (multipart, field "file": .xlsx shaped like 附件1): upserts enterprises
/// by 统一社会信用代码 and answers a result per row: created, updated, unchanged or failed with messages per column.
/// All or nothing: the file is written in one transaction only when every row is good (applied = true); with a failed
/// row, or with dryRun, nothing is written. Rows whose enterprise lies, or would lie, outside the caller's scope fail; a
/// row updating an enterprise keeps what it leaves blank (<see cref="EnterpriseImportUpdate"/>).
/// </summary>
public static class ImportEnterprises
{
    /// <summary>
    /// A row whose credit code belongs to a registered enterprise outside the caller's scope fails with this message alone:
    /// it names nothing of that enterprise, and none of its stored fields are checked against the row.
    /// </summary>
    public const string OutOfScope = "该统一社会信用代码不能由您导入，请联系县总工会核实";

    public sealed record RowResult(int Row, string? CreditCode, string? Name, string Result, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Response(bool DryRun, bool Applied, int Created, int Updated, int Unchanged, int Failed, IReadOnlyList<RowResult> Rows);

    private sealed record Plan(EnterpriseDraft Draft, EnterpriseRow? Before);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, bool? dryRun, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FieldProtector protector, IOptions<ImportsOptions> imports, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        if (file is null || file.Length == 0) return Problems.Validation("file", "请上传 .xlsx 文件（表单字段 file）");
        var (sheet, refused) = await SheetUpload.ReadAsync(file, EnterpriseImportFile.MaxBytes,
            content => EnterpriseImportFile.Read(content, imports.Value.For(imports.Value.EnterpriseMaxRows)),
            "文件无法读取，请使用下载的模板另存为 .xlsx 后导入", cancellationToken);
        if (sheet is null) return refused!;
        if (sheet.MissingColumns.Count > 0) return Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}");
        if (sheet.Rows.Count == 0) return Problems.Validation("file", "文件中没有企业数据");

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var references = await EnterpriseReferences.LoadAsync(connection, cancellationToken, transaction);
        var parsed = sheet.Rows.Select(row =>
        {
            var errors = new FieldErrors();
            var input = EnterpriseImportCells.Parse(row, references, errors);
            var code = UnifiedSocialCreditCode.TryNormalize(input.CreditCode, out var normalized, out _) ? normalized : null;
            return (Row: row, Input: input, Code: code, Errors: errors);
        }).ToList();
        var codes = parsed.Select(p => p.Code).OfType<string>().Distinct().ToArray();
        var existing = codes.Length == 0 ? [] : (await connection.QueryAsync<EnterpriseRow>(new CommandDefinition(
            EnterpriseRow.SelectSql + " WHERE e.credit_code IN @codes", new { codes }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(e => e.CreditCode!, StringComparer.Ordinal);

        var results = new List<RowResult>();
        var plans = new List<Plan>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, input, code, errors) in parsed)
        {
            var number = row.Number;
            var before = code is null ? null : existing.GetValueOrDefault(code);
            if (code is not null && !firstRowOfCode.TryAdd(code, number)) errors.Add("creditCode", $"与第{firstRowOfCode[code]}行的统一社会信用代码重复");
            if (before is not null && !scope.Covers(before.TownshipCode, before.InIndustrialPark, before.DepartmentCode))
            {
                errors.Add("creditCode", OutOfScope);
                results.Add(Failed(number, code, input, errors));
                continue;
            }
            var draft = EnterpriseRules.Check(EnterpriseImportUpdate.KeepStored(row, input, before), before?.ContactPhoneMasked, today, errors);
            if (draft is not null)
            {
                references.Check(draft, errors);
                EnterpriseRules.CheckScope(scope, draft, errors);
                if (before is not null && EnterpriseRules.CheckChange(before, draft, errors) is { } goingBack) errors.Add("unionStatus", goingBack);
                if (before is not null) EnterpriseRules.CheckStepStatus(before, draft, errors);
            }
            if (draft is null || errors.Count > 0)
            {
                results.Add(Failed(number, code, input, errors));
                continue;
            }
            var outcome = before is null ? EnterpriseSave.Created
                : EnterpriseSave.ChangedFields(before, null, draft, EnterpriseContactPhone.Protect(protector, draft.ContactPhone)).Length > 0
                    ? EnterpriseSave.Updated
                    : EnterpriseSave.Unchanged;
            plans.Add(new Plan(draft, before));
            results.Add(new RowResult(number, draft.CreditCode, draft.Name, outcome, null));
        }

        var failed = results.Count(r => r.Result == "failed");
        var apply = dryRun != true && failed == 0;
        if (apply)
        {
            try
            {
                foreach (var plan in plans)
                {
                    var saved = await EnterpriseSave.SaveAsync(connection, transaction, plan.Draft, plan.Before, protector, scope.Staff.Id, "import", now,
                        cancellationToken);
                    if (saved.Outcome is null) return EnterpriseProblems.StateChanged();
                }
            }
            catch (MySqlException exception) when (exception.IsDuplicateKey("ux_enterprises_credit_code"))
            {
                return EnterpriseProblems.StateChanged();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(new Response(dryRun == true, apply, results.Count(r => r.Result == EnterpriseSave.Created),
            results.Count(r => r.Result == EnterpriseSave.Updated), results.Count(r => r.Result == EnterpriseSave.Unchanged), failed, results));
    }

    private static RowResult Failed(int number, string? code, EnterpriseInput input, FieldErrors errors) => new(number, code, input.Name?.Trim(), "failed",
        errors.ToDictionary().ToDictionary(e => EnterpriseImportColumns.HeaderFor(e.Key), e => e.Value));
}
