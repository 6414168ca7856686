namespace MiniApp.Api.Coverage.Reports;

/// <summary>The query of the report and its .xlsx: date (default today, China), by (default township), from (default
/// the 1st of date's month).</summary>
public sealed record CoverageReportQuery(DateOnly Date, DateOnly From, string By)
{
    public static (CoverageReportQuery? Query, ProblemHttpResult? Problem) Parse(string? date, string? by, string? from,
        TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var day = ReportDates.Optional(date, "date", errors) ?? ChinaTime.Today(clock);
        var start = ReportDates.Optional(from, "from", errors) ?? ReportDates.FirstOfMonth(day);
        var key = ReportKeys.Parse(by, errors);
        if (errors.Count == 0 && start > day) errors["from"] = ["统计期开始日期不能晚于统计日期"];
        return errors.Count > 0
            ? (null, Problems.Validation(errors))
            : (new CoverageReportQuery(day, start, key), null);
    }
}
