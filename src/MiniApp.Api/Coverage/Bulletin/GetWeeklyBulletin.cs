using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>
/// GET /api/staff/reports/bulletin?weekEnding and bulletin.xlsx (county admins): the 情况通报 of the week ending on a
/// Sunday, by default last Sunday (China).
/// </summary>
public static class GetWeeklyBulletin
{
    public static async Task<Results<Ok<WeeklyBulletin>, ProblemHttpResult>> Handle(string? weekEnding, MySqlDataSource dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (bulletin, problem) = await LoadAsync(weekEnding, dataSource, clock, cancellationToken);
        return bulletin is null ? problem! : TypedResults.Ok(bulletin);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string? weekEnding, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (bulletin, problem) = await LoadAsync(weekEnding, dataSource, clock, cancellationToken);
        if (bulletin is null) return problem!;
        var content = await ReportSheet.SaveAsync([BulletinWorkbook.Build(bulletin)], cancellationToken);
        return TypedResults.File(content, ReportSheet.ContentType, $"入会建会情况通报-{bulletin.WeekEnding:yyyy-MM-dd}.xlsx");
    }

    private static async Task<(WeeklyBulletin?, ProblemHttpResult?)> LoadAsync(string? weekEnding, MySqlDataSource dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var sunday = ReportDates.Optional(weekEnding, "weekEnding", errors) ?? ReportDates.LastSunday(ChinaTime.Today(clock));
        if (errors.Count == 0 && sunday.DayOfWeek != DayOfWeek.Sunday) errors["weekEnding"] = ["weekEnding 须为星期日（一周的最后一天）"];
        if (errors.Count > 0) return (null, Problems.Validation(errors));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var bulletin = await WeeklyBulletin.LoadAsync(connection, sunday, cancellationToken);
        return bulletin is null ? (null, CoverageProblems.NotReady(sunday)) : (bulletin, null);
    }
}
