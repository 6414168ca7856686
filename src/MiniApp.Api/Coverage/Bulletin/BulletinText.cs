using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>The bulletin in words, for the inbox: figures, changes in 个百分点, and who is furthest behind.</summary>
public static class BulletinText
{
    public static string Summary(DateOnly weekStart, DateOnly weekEnding, WeeklyBulletin.Count members, WeeklyBulletin.Rate joinRate,
        WeeklyBulletin.Rate unionRate, WorkerFigures workers, IReadOnlyList<WeeklyBulletin.Laggard> townships,
        IReadOnlyList<WeeklyBulletin.Laggard> groups)
    {
        var text = new StringBuilder();
        text.Append($"{weekStart.Month}月{weekStart.Day}日至{weekEnding.Month}月{weekEnding.Day}日：全县在册会员{members.Current}人");
        text.Append(members.Change is { } change ? $"，较上周{change.ToString("+0;-0;0", CultureInfo.InvariantCulture)}人" : "（上周无数据）");
        text.Append($"；入会率{Rate(joinRate.Current)}");
        if (joinRate.Change is { } joinChange) text.Append($"（{CoverageRates.Points(joinChange)}个百分点）");
        if (workers.GapToTarget is > 0) text.Append($"，距60%目标{Points(workers.GapToTarget)}个百分点");
        text.Append($"；百人以上企业建会率{Rate(unionRate.Current)}");
        if (unionRate.Change is { } unionChange) text.Append($"（{CoverageRates.Points(unionChange)}个百分点）");
        text.Append($"；本周审核通过入会申请{workers.ApprovedInPeriod}份，待审核{workers.OpenApplications}份。");
        if (townships.Count > 0) text.Append("入会率差距最大的乡镇（街道）：").Append(Names(townships)).Append('。');
        if (groups.Count > 0) text.Append("差距最大的群体：").Append(Names(groups)).Append('。');
        return text.ToString();
    }

    private static string Names(IEnumerable<WeeklyBulletin.Laggard> laggards) =>
        string.Join("、", laggards.Select(l => $"{l.Name}{CoverageRates.Percent(l.JoinRate)}"));

    private static string Rate(decimal? rate) => rate is null ? "暂无" : CoverageRates.Percent(rate);

    private static string Points(decimal? gap) => gap is { } value ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) : "";
}
