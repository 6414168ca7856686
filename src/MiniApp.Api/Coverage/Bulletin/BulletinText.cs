using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>The bulletin in words, for the inbox: figures, changes in 个百分点, and who is furthest behind.</summary>
public static class BulletinText
{
    public static string Summary(WeeklyBulletin b)
    {
        var text = new StringBuilder();
        text.Append($"{b.WeekStart.Month}月{b.WeekStart.Day}日至{b.WeekEnding.Month}月{b.WeekEnding.Day}日：");
        text.Append($"全县在册会员{b.ActiveMembers.Current}人");
        text.Append(b.ActiveMembers.Change is { } change
            ? $"，较上周{change.ToString("+0;-0;0", CultureInfo.InvariantCulture)}人"
            : "（上周无数据）");
        text.Append($"；入会率{Rate(b.JoinRate.Current)}");
        if (b.JoinRate.Change is { } joinChange) text.Append($"（{CoverageRates.Points(joinChange)}个百分点）");
        if (b.GapToTarget is > 0) text.Append($"，距60%目标{Points(b.GapToTarget)}个百分点");
        text.Append($"；百人以上企业建会率{Rate(b.UnionRate.Current)}");
        if (b.UnionRate.Change is { } unionChange) text.Append($"（{CoverageRates.Points(unionChange)}个百分点）");
        text.Append($"；本周审核通过入会申请{b.ApprovedInWeek}份，待审核{b.OpenApplications}份。");
        if (b.Townships.Count > 0) text.Append("入会率差距最大的乡镇（街道）：").Append(Names(b.Townships)).Append('。');
        if (b.Groups.Count > 0) text.Append("差距最大的群体：").Append(Names(b.Groups)).Append('。');
        return text.ToString();
    }

    private static string Names(IEnumerable<WeeklyBulletin.Laggard> laggards) =>
        string.Join("、", laggards.Select(l => $"{l.Name}{CoverageRates.Percent(l.JoinRate)}"));

    private static string Rate(decimal? rate) => rate is null ? "暂无" : CoverageRates.Percent(rate);

    private static string Points(decimal? gap) =>
        gap is { } value ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) : "";
}
