namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// The report as an .xlsx laid out like 附件2 (货车司机等群体入会情况摸底统计表): a sheet of worker figures and a sheet
/// of 百人以上企业 figures, each with a title row naming the date and the period and a note row naming each rate's
/// denominator. README.md lists the columns.
/// </summary>
public static class CoverageWorkbook
{
    public const string WorkersSheet = "职工入会";
    public const string EnterprisesSheet = "企业建会";

    public static readonly string[] WorkerHeaders =
    [
        "序号", "群体", "主管部门", "乡镇(街道)", "企业/平台/站点数", "其中已建会数", "建会率", "从业人数", "已入会人数",
        "其中已摸底群体会员", "入会率", "距60%目标", "本期新增会员", "本期提交申请", "待审核", "本期不予通过", "本期撤回",
        "审核用时中位数(天)", "审核用时90%分位(天)",
    ];

    public static string[] EnterpriseHeaders(string by) =>
    [
        "序号", ReportKeys.Label(by), "百人以上企业数", "已建会", "筹建中", "建会率", "距60%目标", "职工人数", "已建会企业职工数",
        "已建会企业会员数", "已建会企业职工入会率",
        .. EnterpriseCategories.Key.SelectMany(k => new[] { k.Name + "数", k.Name + "已建会", k.Name + "建会率" }),
    ];

    public static ReportSheet[] Build(CoverageReport report, CoverageReference reference, ReportScope scope)
    {
        var period = $"{ReportDates.Chinese(report.From)}至{ReportDates.Chinese(report.Date)}";
        var state = report.Frozen ? "当日数据已封存" : "当日数据尚未封存，每小时更新";
        var workers = new ReportSheet(WorkersSheet)
            .Row($"新平县货车司机等群体入会情况统计表（截至{ReportDates.Chinese(report.Date)}，本期：{period}）")
            .Row("说明：入会率 = 其中已摸底群体会员 ÷ 从业人数（分母为摸底群体从业人数，附件2；分子只计有摸底从业人数的乡镇和群体的会员）；建会率 = 其中已建会数 ÷ 企业/平台/站点数；距60%目标 = "
                + "60% − 入会率，负数表示已超过目标；本期新增会员为本期审核通过的入会申请；"
                + "待审核为统计日尚未审核的申请；" + state + "。")
            .Row([.. WorkerHeaders]);
        var number = 0;
        foreach (var row in report.Rows)
            workers.Row(WorkerCells((++number).ToString(), LabelsOf(report.By, row, reference, scope), row.Workers));
        workers.Row(WorkerCells("", new Labels(ReportKeys.TotalName, "", ""), report.Total.Workers));

        var enterprises = new ReportSheet(EnterprisesSheet)
            .Row($"新平县百人以上企业建会情况统计表（截至{ReportDates.Chinese(report.Date)}）")
            .Row("说明：建会率 = 已建会企业数 ÷ 百人以上企业数（分母为百人以上企业）；重点企业建会率的分母为该类重点企业数（不限规模）；已建会企业职工入会率 = 已建会企业会员数 ÷ "
                + "已建会企业职工数（分母为已建会企业职工）；"
                + "距60%目标 = 60% − 建会率；" + state + "。")
            .Row([.. EnterpriseHeaders(report.By)]);
        number = 0;
        foreach (var row in report.Rows.Where(r => r.Enterprises is not null))
            enterprises.Row(EnterpriseCells((++number).ToString(), row.Name, row.Enterprises!));
        if (report.Total.Enterprises is { } total) enterprises.Row(EnterpriseCells("", ReportKeys.TotalName, total));
        else enterprises.Row("", "（不在查看范围内）");
        return [workers, enterprises];
    }

    private static object?[] WorkerCells(string number, Labels labels, WorkerFigures w) =>
    [
        number, labels.Group, labels.Department, labels.Township, w.SurveyedUnits, w.SurveyedUnitsWithUnion,
        Percent(w.UnitsUnionRate), w.SurveyedWorkers, w.ActiveMembers, w.SurveyedGroupMembers, Percent(w.JoinRate),
        Percent(w.GapToTarget), w.ApprovedInPeriod, w.SubmittedInPeriod, w.OpenApplications, w.RejectedInPeriod,
        w.WithdrawnInPeriod, w.DecisionDaysMedian, w.DecisionDaysP90,
    ];

    private static object?[] EnterpriseCells(string number, string name, EnterpriseFigures e) =>
    [
        number, name, e.Enterprises100Plus, e.WithUnion, e.Forming, Percent(e.UnionRate), Percent(e.GapToTarget),
        e.Staff, e.StaffInUnionised, e.MembersInUnionised, Percent(e.MemberRateInUnionised),
        .. e.KeyCategories.SelectMany(k => new object?[] { k.Enterprises, k.WithUnion, Percent(k.UnionRate) }),
    ];

    private static string? Percent(decimal? rate) => rate is null ? null : CoverageRates.Percent(rate);

    /// <summary>群体, 主管部门 and 乡镇 of a row: its own key, and the scope for the other two.</summary>
    private sealed record Labels(string Group, string Department, string Township);

    private static Labels LabelsOf(string by, ReportRow row, CoverageReference reference, ReportScope scope)
    {
        var township = scope.TownshipCode is { } t ? reference.TownshipName(t) : "全县";
        return by switch
        {
            ReportKeys.Township => new Labels(
                scope.GroupCodes is { } groups ? Names(groups.Select(reference.GroupName)) : "全部群体",
                scope.DepartmentCode is { } d ? reference.DepartmentName(d) : "",
                row.Name),
            ReportKeys.Group => new Labels(
                row.Name, Names(reference.DepartmentsOf(row.Key).Select(reference.DepartmentName)), township),
            _ => new Labels(
                Names(reference.Groups
                    .Where(g => scope.CoversGroup(g.Code) && reference.DepartmentsOf(g.Code).Contains(row.Key))
                    .Select(g => g.Name)),
                row.Name,
                township),
        };
    }

    private static string Names(IEnumerable<string> names) => string.Join("、", names);
}
