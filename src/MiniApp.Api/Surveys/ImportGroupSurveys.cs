using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Surveys;

/// <summary>
/// POST /api/staff/surveys/groups/import?periodStart&amp;dryRun (multipart, field "file": an .xlsx shaped like 附件2):
/// saves the rows of the period and answers a result per row: created, updated, unchanged, or failed with messages per
/// column. A survey is one table: when any row fails nothing is saved (saved = false), and with dryRun nothing is saved
/// either.
/// </summary>
public static class ImportGroupSurveys
{
    public const string Failed = "failed";

    public sealed record RowResult(
        int Row, string? Township, string? Group, string Result, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Response(
        DateOnly PeriodStart, bool DryRun, bool Saved, int Created, int Updated, int Unchanged, int Failed,
        IReadOnlyList<RowResult> Rows);

    /// <summary>A row of the sheet with the record it makes, or the messages per field when it makes none.</summary>
    private sealed record CheckedRow(SheetRow Row, SurveyRecord? Record, Dictionary<string, List<string>> Errors);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(IFormFile? file, string? periodStart,
        bool? dryRun, ReportScope scope, [AsParameters] SurveyServices services)
    {
        if (!ReportDates.TryParse(periodStart, out var period))
            return Problems.Validation("periodStart", "请填写统计期开始日期 periodStart，格式为 YYYY-MM-DD");
        if (!DateRange.Contains(period)) return Problems.Validation("periodStart", DateRange.Message);
        var (sheet, refused) = await ReadAsync(file, services);
        if (sheet is null) return refused!;

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var checkedRows = Check(sheet.Rows, await CoverageReference.LoadAsync(db), scope);
        var good = checkedRows.Where(c => c.Record is not null).Select(c => c.Record!).ToList();
        var save = dryRun != true && good.Count == checkedRows.Count;
        var outcomes = good.Count == 0
            ? []
            : await SurveyWrites.SaveAsync(db,
                new(period, good, scope.Staff?.Id, SurveyWrites.ViaImport, save, services.UtcNow()));
        var results = RowResults(checkedRows, outcomes);
        int Tally(string result) => results.Count(r => r.Result == result);
        return TypedResults.Ok(new Response(period, dryRun == true, save, Tally(SurveyWrites.Created),
            Tally(SurveyWrites.Updated), Tally(SurveyWrites.Unchanged), Tally(Failed), results));
    }

    /// <summary>The uploaded sheet, or the problem with the file: none, unreadable, too large, no header, missing
    /// columns or no rows.</summary>
    private static async Task<(SurveyImportFile.Sheet? Sheet, ProblemHttpResult? Problem)> ReadAsync(IFormFile? file,
        SurveyServices services)
    {
        if (file is null || file.Length == 0) return (null, Problems.Validation("file", "请上传 .xlsx 文件（表单字段 file）"));
        var limits = services.Imports.Value.For(services.Imports.Value.SurveyMaxRows);
        var (sheet, refused) = await SheetUpload.ReadAsync(file, SurveyImportFile.MaxBytes,
            content => SurveyImportFile.Read(content, limits),
            "文件无法读取，请使用下载的模板填写后另存为 .xlsx", services.Cancellation);
        if (sheet is null) return (null, refused);
        if (!sheet.HeaderFound)
            return (null, Problems.Validation("file", "找不到表头行（须含“群体”“乡镇(街道)”“从业人数”等列），请使用下载的模板"));
        if (sheet.MissingColumns.Count > 0)
            return (null, Problems.Validation("file", $"缺少必填列：{string.Join("、", sheet.MissingColumns)}"));
        if (sheet.Rows.Count == 0) return (null, Problems.Validation("file", "文件中没有摸底数据"));
        return (sheet, null);
    }

    /// <summary>Each row checked by the survey rules; a township and group a row above already has fail.</summary>
    private static List<CheckedRow> Check(IReadOnlyList<SheetRow> rows, CoverageReference reference, ReportScope scope)
    {
        var checkedRows = new List<CheckedRow>();
        var firstRow = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var errors = new Dictionary<string, List<string>>();
            var input = new SurveyRowInput(row["township"], row["group"], Count(row, "workers", errors),
                Count(row, "units", errors), Count(row, "unitsWithUnion", errors), row["coverageMode"], row["note"]);
            var record = SurveyRules.Check(input, reference, scope, namesAllowed: true, errors);
            if (record is not null && !firstRow.TryAdd((record.TownshipCode, record.WorkerGroupCode), row.Number))
            {
                var first = firstRow[(record.TownshipCode, record.WorkerGroupCode)];
                SurveyRules.Add(errors, "group", $"与第{first}行的乡镇（街道）和群体重复");
                record = null;
            }
            checkedRows.Add(new CheckedRow(row, record, errors));
        }
        return checkedRows;
    }

    /// <summary>A result per row, in order: the outcome of each saved record, or failed with messages per column.
    /// </summary>
    private static List<RowResult> RowResults(List<CheckedRow> checkedRows, IReadOnlyList<string> outcomes)
    {
        var next = 0;
        return checkedRows.Select(c => c.Record is { } r
            ? new RowResult(c.Row.Number, r.TownshipCode, r.WorkerGroupCode, outcomes[next++], null)
            : new RowResult(c.Row.Number, c.Row["township"], c.Row["group"], Failed,
                c.Errors.ToDictionary(e => SurveyImportColumns.HeaderFor(e.Key), e => e.Value.ToArray()))).ToList();
    }

    // A cell that is not a whole number gets its own message; the rules then see 0, so they do not add "请填写" to it.
    private static int? Count(SheetRow row, string field, Dictionary<string, List<string>> errors)
    {
        if (SurveyImportFile.TryCount(row[field], out var value)) return value;
        SurveyRules.Add(errors, field, $"{SurveyImportColumns.HeaderFor(field)}须为整数");
        return 0;
    }
}
