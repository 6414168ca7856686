using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Surveys;

/// <summary>One row of 附件2 as sent: township and group by code (the import also takes Chinese names), counts, mode,
/// note.</summary>
public sealed record SurveyRowInput(
    string? Township, string? Group, int? Workers, int? Units, int? UnitsWithUnion, string? CoverageMode = null,
    string? Note = null);

/// <summary>A checked row, ready to store.</summary>
public sealed record SurveyRecord(
    string TownshipCode, string WorkerGroupCode, int Workers, int Units, int UnitsWithUnion, string? CoverageMode,
    string? Note);

/// <summary>
/// The rules of a survey row: a township of 新平 and a known group, both within the caller's scope; counts that are
/// whole and not negative; no more 已建会 units than units; a known 覆盖方式. Errors are keyed by the JSON field name.
/// </summary>
public static class SurveyRules
{
    public const int NoteMaxLength = 200;

    public static SurveyRecord? Check(SurveyRowInput row, CoverageReference reference, ReportScope scope,
        bool namesAllowed, Dictionary<string, List<string>> errors)
    {
        // By code; the import also takes the Chinese names people write in a spreadsheet.
        CoverageReference.Item? FindTownship(string text) => namesAllowed
            ? reference.FindTownship(text)
            : reference.Townships.FirstOrDefault(t => t.Code == text.Trim());
        CoverageReference.Item? FindGroup(string text) => namesAllowed
            ? reference.FindGroup(text)
            : reference.Groups.FirstOrDefault(g => g.Code == text.Trim());

        var township = Known(row.Township, "township", "请填写乡镇（街道）", FindTownship,
            text => $"“{text}”不是新平县的乡镇（街道）{(namesAllowed ? "" : "代码")}", errors);
        if (township is not null && !scope.CoversTownship(township))
            Add(errors, "township", $"您只能填报{reference.TownshipName(scope.TownshipCode!)}的摸底数据");
        var group = Known(row.Group, "group", "请填写群体", FindGroup, text => $"未知的群体：{text}", errors);
        if (group is not null && !scope.CoversGroup(group))
        {
            Add(errors, "group", scope.DepartmentCode is not null
                ? "您只能填报本部门负责群体的摸底数据"
                : $"您只能填报{string.Join("、", scope.GroupCodes!.Select(reference.GroupName))}的摸底数据");
        }

        var workers = Count(row.Workers, "workers", "从业人数", errors);
        var units = Count(row.Units, "units", "企业/平台/站点数", errors);
        var withUnion = Count(row.UnitsWithUnion, "unitsWithUnion", "其中已建会数", errors);
        if (units is not null && withUnion > units) Add(errors, "unitsWithUnion", "其中已建会数不能大于企业/平台/站点数");

        string? mode = null;
        if (!string.IsNullOrWhiteSpace(row.CoverageMode) && (mode = CoverageModes.Find(row.CoverageMode)) is null)
            Add(errors, "coverageMode", "覆盖方式只能是单独建、联合建、行业建或区域建（single、joint、industry、regional）");
        var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
        if (note is not null && note.Length > NoteMaxLength) Add(errors, "note", $"备注不能超过{NoteMaxLength}个字");

        return errors.Count > 0
            ? null
            : new SurveyRecord(township!, group!, workers!.Value, units!.Value, withUnion!.Value, mode, note);
    }

    /// <summary>The code of the township or group the text names, or null with a message when it is missing or
    /// unknown.</summary>
    private static string? Known(string? text, string field, string missing, Func<string, CoverageReference.Item?> find,
        Func<string, string> unknown, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) Add(errors, field, missing);
        else if (find(text) is { } item) return item.Code;
        else Add(errors, field, unknown(text.Trim()));
        return null;
    }

    private static int? Count(int? value, string field, string label, Dictionary<string, List<string>> errors)
    {
        if (value is null) Add(errors, field, $"请填写{label}");
        else if (value < 0) Add(errors, field, $"{label}不能为负数");
        return value is >= 0 ? value : null;
    }

    public static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }
}
