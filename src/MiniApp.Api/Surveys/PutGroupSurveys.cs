using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Surveys;

/// <summary>
/// PUT /api/staff/surveys/groups: saves the survey rows (附件2) of a period, all or none. Every row is checked first;
/// one bad row, a row out of the caller's scope or the same township and group twice refuses the whole request with
/// messages under rows[i].field.
/// </summary>
public static class PutGroupSurveys
{
    public const int MaxRows = 500;

    /// <summary>500 rows with their notes fit well within this.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public sealed record Request(string? PeriodStart, List<SurveyRowInput>? Rows);

    public sealed record RowResult(string Township, string Group, string Result);

    public sealed record Response(
        DateOnly PeriodStart, int Created, int Updated, int Unchanged, IReadOnlyList<RowResult> Rows);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, ReportScope scope,
        [AsParameters] SurveyServices services)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ReportDates.TryParse(request.PeriodStart, out var periodStart))
            errors["periodStart"] = ["请填写统计期开始日期，格式为 YYYY-MM-DD"];
        else DateRange.Check(periodStart, "periodStart", errors);
        var rows = request.Rows ?? [];
        if (rows.Count == 0) errors["rows"] = ["请至少填写一行摸底数据"];
        else if (rows.Count > MaxRows) errors["rows"] = [$"一次最多提交{MaxRows}行"];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var records = Check(rows, await CoverageReference.LoadAsync(db), scope, errors);
        if (errors.Count > 0) return Problems.Validation(errors, "摸底数据有误，未保存任何一行，请按提示修改后重新提交");

        var results = await SurveyWrites.SaveAsync(db,
            new(periodStart, records, scope.Staff?.Id, SurveyWrites.ViaApi, Write: true, services.UtcNow()));
        var rowResults = records.Select((r, i) => new RowResult(r.TownshipCode, r.WorkerGroupCode, results[i]))
            .ToList();
        int Tally(string result) => results.Count(r => r == result);
        return TypedResults.Ok(new Response(periodStart, Tally(SurveyWrites.Created), Tally(SurveyWrites.Updated),
            Tally(SurveyWrites.Unchanged), rowResults));
    }

    /// <summary>The records of the rows; a bad row, or a township and group a row above already has, adds its
    /// messages under rows[i].field.</summary>
    private static List<SurveyRecord> Check(List<SurveyRowInput> rows, CoverageReference reference, ReportScope scope,
        Dictionary<string, string[]> errors)
    {
        var records = new List<SurveyRecord>();
        var firstIndex = new Dictionary<(string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowErrors = new Dictionary<string, List<string>>();
            var record = rows[i] is { } row
                ? SurveyRules.Check(row, reference, scope, namesAllowed: false, rowErrors)
                : null;
            if (rows[i] is null) SurveyRules.Add(rowErrors, "township", "该行为空");
            if (record is not null && !firstIndex.TryAdd((record.TownshipCode, record.WorkerGroupCode), i))
            {
                var first = firstIndex[(record.TownshipCode, record.WorkerGroupCode)];
                SurveyRules.Add(rowErrors, "group", $"与 rows[{first}] 的乡镇（街道）和群体重复");
            }
            foreach (var (field, messages) in rowErrors) errors[$"rows[{i}].{field}"] = [.. messages];
            if (record is not null) records.Add(record);
        }
        return records;
    }
}
