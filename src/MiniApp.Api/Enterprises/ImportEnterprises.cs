using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// POST /api/staff/enterprises/import?dryRun=true (multipart, field "file": .xlsx shaped like 附件1): upserts
/// enterprises by 统一社会信用代码 and answers a result per row: created, updated, unchanged or failed with messages per
/// column. All or nothing: the file is written in one transaction only when every row is good (applied = true); with a
/// failed row, or with dryRun, nothing is written. Rows whose enterprise lies, or would lie, outside the caller's scope
/// fail; a row updating an enterprise keeps what it leaves blank (<see cref="EnterpriseImportUpdate"/>).
/// </summary>
public static class ImportEnterprises
{
    /// <summary>
    /// A row whose credit code belongs to a registered enterprise outside the caller's scope fails with this message
    /// alone: it names nothing of that enterprise, and none of its stored fields are checked against the row.
    /// </summary>
    public const string OutOfScope = "该统一社会信用代码不能由您导入，请联系县总工会核实";

    public const string Failed = "failed";

    public sealed record RowResult(int Row, string? CreditCode, string? Name, string Result,
        IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Response(bool DryRun, bool Applied, int Created, int Updated, int Unchanged, int Failed,
        IReadOnlyList<RowResult> Rows);

    private sealed record ParsedRow(SheetRow Row, EnterpriseInput Input, string? Code, FieldErrors Errors);

    private sealed record Plan(EnterpriseDraft Draft, EnterpriseRow? Before);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, bool? dryRun,
        EnterpriseScope scope, IOptions<ImportsOptions> imports, [AsParameters] EnterpriseServices services)
    {
        var (sheet, refused) = await ReadAsync(file, imports.Value, services.Cancellation);
        if (sheet is null) return refused!;

        await using var connection = await services.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = connection.Db(transaction, services.Cancellation);
        var references = await EnterpriseReferences.LoadAsync(tx);
        var parsed = Parse(sheet, references);
        var existing = await ExistingAsync(tx, parsed);
        var rules = new RowRules(references, scope, services.Protector, services.Today());
        var (results, plans) = Check(parsed, existing, rules);

        var failed = Count(Failed);
        var apply = dryRun != true && failed == 0;
        if (apply)
        {
            if (!await ApplyAsync(tx, services.Protector, plans, scope.Staff.Id, services.UtcNow()))
                return EnterpriseProblems.StateChanged();
            await transaction.CommitAsync(services.Cancellation);
        }
        return TypedResults.Ok(new Response(dryRun == true, apply, Count(EnterpriseSave.Created),
            Count(EnterpriseSave.Updated), Count(EnterpriseSave.Unchanged), failed, results));

        int Count(string result) => results.Count(r => r.Result == result);
    }

    /// <summary>The uploaded sheet, or the problem with the file itself.</summary>
    private static async Task<(EnterpriseImportFile.Sheet? Sheet, ProblemHttpResult? Problem)> ReadAsync(
        IFormFile? file, ImportsOptions imports, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return (null, Problems.Validation("file", "请上传 .xlsx 文件（表单字段 file）"));
        var (sheet, refused) = await SheetUpload.ReadAsync(file, EnterpriseImportFile.MaxBytes,
            content => EnterpriseImportFile.Read(content, imports.For(imports.EnterpriseMaxRows)),
            "文件无法读取，请使用下载的模板另存为 .xlsx 后导入", cancellationToken);
        if (sheet is null) return (null, refused);
        if (sheet.MissingColumns.Count > 0)
            return (null, Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}"));
        if (sheet.Rows.Count == 0) return (null, Problems.Validation("file", "文件中没有企业数据"));
        return (sheet, null);
    }

    private static List<ParsedRow> Parse(EnterpriseImportFile.Sheet sheet, EnterpriseReferences references) =>
        sheet.Rows.Select(row =>
        {
            var errors = new FieldErrors();
            var input = EnterpriseImportCells.Parse(row, references, errors);
            var code = UnifiedSocialCreditCode.TryNormalize(input.CreditCode, out var normalized, out _)
                ? normalized
                : null;
            return new ParsedRow(row, input, code, errors);
        }).ToList();

    /// <summary>The registered enterprises the file's credit codes name, by code.</summary>
    private static async Task<Dictionary<string, EnterpriseRow>> ExistingAsync(Db tx, List<ParsedRow> parsed)
    {
        var codes = parsed.Select(p => p.Code).OfType<string>().Distinct().ToArray();
        if (codes.Length == 0) return [];
        var rows = await tx.QueryAsync<EnterpriseRow>(EnterpriseRow.SelectSql + " WHERE e.credit_code IN @codes",
            new { codes });
        return rows.ToDictionary(e => e.CreditCode!, StringComparer.Ordinal);
    }

    /// <summary>Every row checked, in file order: a result for each, and what to write for each good one.</summary>
    private static (List<RowResult> Results, List<Plan> Plans) Check(List<ParsedRow> parsed,
        Dictionary<string, EnterpriseRow> existing, RowRules rules)
    {
        var results = new List<RowResult>();
        var plans = new List<Plan>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, input, code, errors) in parsed)
        {
            var before = code is null ? null : existing.GetValueOrDefault(code);
            if (code is not null && !firstRowOfCode.TryAdd(code, row.Number))
                errors.Add("creditCode", $"与第{firstRowOfCode[code]}行的统一社会信用代码重复");
            var draft = rules.Check(row, input, before, errors);
            if (draft is null || errors.Count > 0)
            {
                results.Add(FailedRow(row.Number, code, input, errors));
                continue;
            }
            plans.Add(new Plan(draft, before));
            results.Add(new RowResult(row.Number, draft.CreditCode, draft.Name, rules.Outcome(draft, before), null));
        }
        return (results, plans);
    }

    /// <summary>
    /// False when an enterprise of the file changed since it was read (a stale version, or its credit code registered
    /// meanwhile); the transaction is then left uncommitted, so nothing is written.
    /// </summary>
    private static async Task<bool> ApplyAsync(Db tx, FieldProtector protector, List<Plan> plans, long staffId,
        DateTime now)
    {
        try
        {
            foreach (var (draft, before) in plans)
            {
                var save = new EnterpriseSave.Save(draft, before, staffId, EnterpriseSave.ViaImport, now);
                var saved = await EnterpriseSave.SaveAsync(tx, protector, save);
                if (saved.Outcome is null) return false;
            }
            return true;
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey(EnterpriseSave.CreditCodeKey))
        {
            return false;
        }
    }

    private static RowResult FailedRow(int number, string? code, EnterpriseInput input, FieldErrors errors) =>
        new(number, code, input.Name?.Trim(), Failed,
            errors.ToDictionary().ToDictionary(e => EnterpriseImportColumns.HeaderFor(e.Key), e => e.Value));

    /// <summary>The checks of one row against the register, the caller's scope and the reference lists.</summary>
    private sealed record RowRules(EnterpriseReferences References, EnterpriseScope Scope, FieldProtector Protector,
        DateOnly Today)
    {
        /// <summary>The row's draft, with errors added; null when the row cannot become one.</summary>
        public EnterpriseDraft? Check(SheetRow row, EnterpriseInput input, EnterpriseRow? before, FieldErrors errors)
        {
            if (before is not null
                && !Scope.Covers(before.TownshipCode, before.InIndustrialPark, before.DepartmentCode))
            {
                errors.Add("creditCode", OutOfScope);
                return null;
            }
            var kept = EnterpriseImportUpdate.KeepStored(row, input, before);
            var draft = EnterpriseRules.Check(kept, before?.ContactPhoneMasked, Today, errors);
            if (draft is null) return null;
            References.Check(draft, errors);
            EnterpriseRules.CheckScope(Scope, draft, errors);
            if (before is null) return draft;
            if (EnterpriseRules.CheckChange(before, draft, errors) is { } goingBack)
                errors.Add("unionStatus", goingBack);
            EnterpriseRules.CheckStepStatus(before, draft, errors);
            return draft;
        }

        public string Outcome(EnterpriseDraft draft, EnterpriseRow? before)
        {
            if (before is null) return EnterpriseSave.Created;
            var phone = EnterpriseContactPhone.Protect(Protector, draft.ContactPhone);
            return EnterpriseSave.ChangedFields(before, null, draft, phone).Length > 0
                ? EnterpriseSave.Updated
                : EnterpriseSave.Unchanged;
        }
    }
}
