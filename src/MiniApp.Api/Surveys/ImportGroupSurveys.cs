using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Surveys;

/// <summary>
/// POST /api/staff/surveys/groups/import?periodStart&amp;dryRun (multipart, field "file": an .xlsx shaped like 附件2): saves
/// the rows of the period and answers a result per row: created, updated, unchanged, or failed with messages per column.
/// A survey is one table: when any row fails nothing is saved (saved = false), and with dryRun nothing is saved either.
/// </summary>
public static class ImportGroupSurveys
{
    public sealed record RowResult(int Row, string? Township, string? Group, string Result, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Response(DateOnly PeriodStart, bool DryRun, bool Saved, int Created, int Updated, int Unchanged, int Failed,
        IReadOnlyList<RowResult> Rows);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, string? periodStart, bool? dryRun,
        ClaimsPrincipal principal, MySqlDataSource dataSource, IOptions<ImportsOptions> imports, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, forbidden) = await ReportScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return forbidden!;
        if (!ReportDates.TryParse(periodStart, out var period)) return Problems.Validation("periodStart", "请填写统计期开始日期 periodStart，格式为 YYYY-MM-DD");
        if (!DateRange.Contains(period)) return Problems.Validation("periodStart", DateRange.Message);
        if (file is null || file.Length == 0) return Problems.Validation("file", "请上传 .xlsx 文件（表单字段 file）");
        var (sheet, refused) = await SheetUpload.ReadAsync(file, SurveyImportFile.MaxBytes,
            content => SurveyImportFile.Read(content, imports.Value.For(imports.Value.SurveyMaxRows)),
            "文件无法读取，请使用下载的模板填写后另存为 .xlsx", cancellationToken);
        if (sheet is null) return refused!;
        if (!sheet.HeaderFound) return Problems.Validation("file", "找不到表头行（须含“群体”“乡镇(街道)”“从业人数”等列），请使用下载的模板");
        if (sheet.MissingColumns.Count > 0) return Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}");
        if (sheet.Rows.Count == 0) return Problems.Validation("file", "文件中没有摸底数据");

        var reference = await CoverageReference.LoadAsync(connection, cancellationToken);
        var checkedRows = new List<(SheetRow Row, SurveyRecord? Record, Dictionary<string, List<string>> Errors)>();
        var firstRow = new Dictionary<(string, string), int>();
        foreach (var row in sheet.Rows)
        {
            var errors = new Dictionary<string, List<string>>();
            var input = new SurveyRowInput(row["township"], row["group"], Count(row, "workers", errors), Count(row, "units", errors),
                Count(row, "unitsWithUnion", errors), row["coverageMode"], row["note"]);
            var record = SurveyRules.Check(input, reference, scope, namesAllowed: true, errors);
            if (record is not null && !firstRow.TryAdd((record.TownshipCode, record.WorkerGroupCode), row.Number))
            {
                SurveyRules.Add(errors, "group", $"与第{firstRow[(record.TownshipCode, record.WorkerGroupCode)]}行的乡镇（街道）和群体重复");
                record = null;
            }
            checkedRows.Add((row, record, errors));
        }

        var good = checkedRows.Where(c => c.Record is not null).Select(c => c.Record!).ToList();
        var anyFailed = good.Count < checkedRows.Count;
        var save = dryRun != true && !anyFailed;
        var outcomes = good.Count == 0 ? [] : await SurveyWrites.SaveAsync(connection, period, good, scope.Staff?.Id, "import", save,
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        var next = 0;
        var results = checkedRows.Select(c => c.Record is { } r
            ? new RowResult(c.Row.Number, r.TownshipCode, r.WorkerGroupCode, outcomes[next++], null)
            : new RowResult(c.Row.Number, c.Row["township"], c.Row["group"], "failed",
                c.Errors.ToDictionary(e => SurveyImportColumns.HeaderFor(e.Key), e => e.Value.ToArray()))).ToList();
        return TypedResults.Ok(new Response(period, dryRun == true, save, results.Count(r => r.Result == SurveyWrites.Created),
            results.Count(r => r.Result == SurveyWrites.Updated), results.Count(r => r.Result == SurveyWrites.Unchanged),
            results.Count(r => r.Result == "failed"), results));
    }

    // A cell that is not a whole number gets its own message; the rules then see 0, so they do not add "请填写" to it.
    private static int? Count(SheetRow row, string field, Dictionary<string, List<string>> errors)
    {
        if (SurveyImportFile.TryCount(row[field], out var value)) return value;
        SurveyRules.Add(errors, field, $"{SurveyImportColumns.HeaderFor(field)}须为整数");
        return 0;
    }
}
