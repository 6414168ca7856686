using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>
/// GET /api/staff/reports/bulletin?weekEnding and bulletin.xlsx (county admins): the 情况通报 of the week ending on a
/// Sunday, by default last Sunday (China).
/// </summary>
public static class GetWeeklyBulletin
{
    public static async Task<Results<Ok<WeeklyBulletin>, ProblemHttpResult>> Handle(string? weekEnding,
        [AsParameters] ReportServices services)
    {
        var (bulletin, problem) = await LoadAsync(weekEnding, services);
        return bulletin is null ? problem! : TypedResults.Ok(bulletin);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string? weekEnding,
        [AsParameters] ReportServices services)
    {
        var (bulletin, problem) = await LoadAsync(weekEnding, services);
        if (bulletin is null) return problem!;
        var content = await ReportSheet.SaveAsync([BulletinWorkbook.Build(bulletin)], services.Cancellation);
        return TypedResults.File(content, ReportSheet.ContentType, $"入会建会情况通报-{bulletin.WeekEnding:yyyy-MM-dd}.xlsx");
    }

    private static async Task<(WeeklyBulletin?, ProblemHttpResult?)> LoadAsync(string? weekEnding,
        ReportServices services)
    {
        var errors = new Dictionary<string, string[]>();
        var sunday = ReportDates.Optional(weekEnding, "weekEnding", errors)
            ?? ReportDates.LastSunday(ChinaTime.Today(services.Clock));
        if (errors.Count == 0 && sunday.DayOfWeek != DayOfWeek.Sunday)
            errors["weekEnding"] = ["weekEnding 须为星期日（一周的最后一天）"];
        if (errors.Count > 0) return (null, Problems.Validation(errors));
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var bulletin = await WeeklyBulletin.LoadAsync(connection.Db(services.Cancellation), sunday);
        return bulletin is null ? (null, CoverageProblems.NotReady(sunday)) : (bulletin, null);
    }
}
