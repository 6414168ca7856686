namespace MiniApp.Api.Coverage.Reports;

/// <summary>GET /api/staff/reports/coverage.xlsx?date&amp;by&amp;from: the report of the caller's scope as a workbook
/// (see <see cref="CoverageWorkbook"/>).</summary>
public static class DownloadCoverageReport
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? date, string? by,
        string? from, ReportScope scope, [AsParameters] ReportServices services)
    {
        var (loaded, problem) = await CoverageReport.ForRequestAsync(date, by, from, scope, services);
        if (loaded is null) return problem!;
        var (report, reference) = loaded;
        var workbook = CoverageWorkbook.Build(report, reference, scope);
        var content = await ReportSheet.SaveAsync(workbook, services.Cancellation);
        return TypedResults.File(content, ReportSheet.ContentType, $"入会建会情况统计表-{report.Date:yyyy-MM-dd}.xlsx");
    }
}
