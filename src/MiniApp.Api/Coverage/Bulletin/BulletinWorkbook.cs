using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>The bulletin as one sheet: the county's figures this week and last, then the townships and groups furthest
/// behind.</summary>
public static class BulletinWorkbook
{
    public const string Sheet = "情况通报";

    public static ReportSheet Build(WeeklyBulletin b)
    {
        var sheet = new ReportSheet(Sheet)
            .Row($"新平县百人以上企业建会和货车司机等群体入会工作{b.Title}")
            .Row("说明：入会率 = 已摸底群体的在册会员 ÷ 摸底从业人数（分母为摸底群体，分子只计有摸底数据的乡镇和群体的会员）；建会率 = 已建会百人以上企业 ÷ "
                + "百人以上企业数（分母为百人以上企业）；变化以个百分点计；距60%目标 = 60% − 入会率。")
            .Row("项目", ReportDates.Chinese(b.WeekEnding),
                b.PreviousAvailable ? ReportDates.Chinese(b.PreviousWeekEnding) : "上周（无数据）", "变化")
            .Row(CountCells("在册会员（人）", b.ActiveMembers))
            .Row(CountCells("其中已摸底群体会员（人）", b.SurveyedGroupMembers))
            .Row(RateCells("入会率", b.JoinRate))
            .Row("距60%目标", CoverageRates.Percent(b.GapToTarget), null, null)
            .Row(RateCells("百人以上企业建会率", b.UnionRate))
            .Row("本周提交入会申请（份）", b.SubmittedInWeek, null, null)
            .Row("本周审核通过（份）", b.ApprovedInWeek, null, null)
            .Row("待审核（份）", b.OpenApplications, null, null)
            .Row();
        Laggards(sheet, "入会率差距最大的乡镇(街道)", b.Townships);
        sheet.Row();
        Laggards(sheet, "入会率差距最大的群体", b.Groups);
        return sheet;
    }

    private static object?[] CountCells(string label, WeeklyBulletin.Count count) =>
        [label, count.Current, count.Previous, count.Change];

    private static object?[] RateCells(string label, WeeklyBulletin.Rate rate) =>
    [
        label, CoverageRates.Percent(rate.Current), CoverageRates.Percent(rate.Previous),
        CoverageRates.Points(rate.Change),
    ];

    private static void Laggards(ReportSheet sheet, string heading, IReadOnlyList<WeeklyBulletin.Laggard> laggards)
    {
        sheet.Row(heading, "从业人数", "已入会人数", "其中已摸底群体会员", "入会率", "距60%目标");
        foreach (var l in laggards)
        {
            sheet.Row(l.Name, l.SurveyedWorkers, l.ActiveMembers, l.SurveyedGroupMembers,
                CoverageRates.Percent(l.JoinRate), CoverageRates.Percent(l.GapToTarget));
        }
        if (laggards.Count == 0) sheet.Row("（均已达到60%目标或暂无摸底数据）");
    }
}
