namespace MiniApp.Api.Surveys;

/// <summary>
/// The columns of 附件2 (货车司机等群体入会情况摸底统计表) as the import reads them and the template writes them. 主管部门,
/// 已入会人数, 入会率 and 本期新增会员 are figures the system computes: the template shows them, the import ignores them.
/// A header matches with full- or half-width brackets, spaces, a trailing * or a unit in brackets (从业人数（人）).
/// README.md lists the same table.
/// </summary>
public static class SurveyImportColumns
{
    public enum Use { Read, Required, Ignored }

    public sealed record Column(string Header, string Field, Use Use, string Example);

    public static readonly Column[] All =
    [
        new("序号", "number", Use.Ignored, "1"),
        new("群体", "group", Use.Required, "货车司机"),
        new("主管部门", "department", Use.Ignored, "县交通运输局"),
        new("乡镇(街道)", "township", Use.Required, "桂山街道"),
        new("企业/平台/站点数", "units", Use.Required, "12"),
        new("其中已建会数", "unitsWithUnion", Use.Required, "5"),
        new("从业人数", "workers", Use.Required, "360"),
        new("已入会人数", "activeMembers", Use.Ignored, ""),
        new("入会率", "joinRate", Use.Ignored, ""),
        new("本期新增会员", "newMembers", Use.Ignored, ""),
        new("覆盖方式", "coverageMode", Use.Read, "行业建"),
        new("备注", "note", Use.Read, ""),
    ];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["乡镇"] = "township", ["乡镇/街道"] = "township", ["乡镇街道"] = "township", ["街道"] = "township",
        ["企业数"] = "units", ["企业/平台/站点"] = "units", ["企业、平台、站点数"] = "units", ["已建会数"] = "unitsWithUnion",
        ["群体类别"] = "group", ["从业人员数"] = "workers",
    };

    public static string HeaderFor(string field) => All.FirstOrDefault(c => c.Field == field)?.Header ?? field;

    public static Column? Match(string header)
    {
        var name = Normalise(header);
        if (Find(name) is { } column) return column;
        var bracket = name.IndexOf('(');
        return bracket > 0 ? Find(name[..bracket]) : null;
    }

    private static Column? Find(string name) =>
        All.FirstOrDefault(c =>
            Normalise(c.Header) == name || string.Equals(c.Field, name, StringComparison.OrdinalIgnoreCase))
        ?? (Aliases.TryGetValue(name, out var field) ? All.First(c => c.Field == field) : null);

    private static string Normalise(string header) => new string(header.Where(c => !char.IsWhiteSpace(c)).ToArray())
        .Replace('（', '(').Replace('）', ')').Replace('／', '/').TrimEnd('*', '＊');
}
