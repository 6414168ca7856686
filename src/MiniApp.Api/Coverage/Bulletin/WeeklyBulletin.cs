using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>
/// The weekly 情况通报 of the county: its figures at the Sunday that ends the week against the Sunday before, the
/// week's applications, and the three townships and three groups furthest behind the 60% 入会率 target (only those
/// behind it). Rates are 4-decimal fractions; changes of rates are fractions too (0.0120 = 1.2 个百分点). 入会率 counts
/// the members of surveyed township × group cells only (SurveyedGroupMembers); ActiveMembers counts all.
/// </summary>
public sealed record WeeklyBulletin(
    DateOnly WeekEnding, DateOnly WeekStart, DateOnly PreviousWeekEnding, bool PreviousAvailable, bool Frozen,
    decimal Target, WeeklyBulletin.Count ActiveMembers, WeeklyBulletin.Count SurveyedGroupMembers,
    WeeklyBulletin.Rate JoinRate, WeeklyBulletin.Rate UnionRate, decimal? GapToTarget, long ApprovedInWeek,
    long SubmittedInWeek, long OpenApplications, IReadOnlyList<WeeklyBulletin.Laggard> Townships,
    IReadOnlyList<WeeklyBulletin.Laggard> Groups, string Title, string Summary)
{
    public const int Laggards = 3;

    public sealed record Count(long Current, long? Previous, long? Change);

    public sealed record Rate(decimal? Current, decimal? Previous, decimal? Change);

    public sealed record Laggard(
        string Key, string Name, long SurveyedWorkers, long ActiveMembers, long SurveyedGroupMembers, decimal JoinRate,
        decimal GapToTarget);

    /// <summary>The bulletin of the week ending on <paramref name="weekEnding"/>, or null when that Sunday has no
    /// figures.</summary>
    public static async Task<WeeklyBulletin?> LoadAsync(Db db, DateOnly weekEnding)
    {
        var day = await CoverageReader.DayAsync(db, weekEnding);
        if (day is null) return null;
        var scope = ReportScope.County;
        var reference = await CoverageReference.LoadAsync(db);
        var weekStart = weekEnding.AddDays(-6);
        var figures = await CoverageReader.ReadAsync(db, scope, weekStart, weekEnding);
        var byTownship = CoverageRollup.Build(ReportKeys.Township, reference, scope, figures);
        var byGroup = CoverageRollup.Build(ReportKeys.Group, reference, scope, figures);

        var previousEnding = weekEnding.AddDays(-7);
        ReportRow? previous = null;
        if (await CoverageReader.DayAsync(db, previousEnding) is not null)
        {
            var before = await CoverageReader.ReadAsync(db, scope, previousEnding, previousEnding);
            previous = CoverageRollup.Build(ReportKeys.Township, reference, scope, before).Total;
        }

        var now = byTownship.Total.Workers;
        var then = previous?.Workers;
        var bulletin = new WeeklyBulletin(
            weekEnding, weekStart, previousEnding, previous is not null, day.Frozen, CoverageRates.Target,
            Change(now.ActiveMembers, then?.ActiveMembers),
            Change(now.SurveyedGroupMembers, then?.SurveyedGroupMembers),
            Change(now.JoinRate, then?.JoinRate, previous is not null),
            Change(byTownship.Total.Enterprises?.UnionRate, previous?.Enterprises?.UnionRate, previous is not null),
            now.GapToTarget, now.ApprovedInPeriod, now.SubmittedInPeriod, now.OpenApplications,
            Behind(byTownship.Rows), Behind(byGroup.Rows),
            $"情况通报（{weekStart.Month}月{weekStart.Day}日至{weekEnding.Month}月{weekEnding.Day}日）", Summary: "");
        return bulletin with { Summary = BulletinText.Summary(bulletin) };
    }

    private static Count Change(long current, long? previous) => new(current, previous, current - previous);

    private static Rate Change(decimal? current, decimal? previous, bool hasPrevious) => new(
        current, hasPrevious ? previous : null, hasPrevious && current is { } c && previous is { } p ? c - p : null);

    /// <summary>The rows furthest behind the target (largest gap first; ties in reference order), only those behind
    /// it.</summary>
    public static IReadOnlyList<Laggard> Behind(IEnumerable<ReportRow> rows) =>
        rows.Select((row, order) => (row, order))
            .Where(x => x.row.Workers.GapToTarget is > 0)
            .OrderByDescending(x => x.row.Workers.GapToTarget).ThenBy(x => x.order)
            .Take(Laggards)
            .Select(x => new Laggard(x.row.Key, x.row.Name, x.row.Workers.SurveyedWorkers, x.row.Workers.ActiveMembers,
                x.row.Workers.SurveyedGroupMembers, x.row.Workers.JoinRate!.Value,
                x.row.Workers.GapToTarget!.Value))
            .ToList();
}
