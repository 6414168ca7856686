namespace MiniApp.Api.Coverage.Reports;

/// <summary>GET /api/staff/reports/coverage.xlsx?date&amp;by&amp;from: the report of the caller's scope as a workbook (see <see cref="CoverageWorkbook"/>).</summary>
public static class DownloadCoverageReport
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? date, string? by, string? from, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, forbidden) = await ReportScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return forbidden!;
        var (query, invalid) = CoverageReportQuery.Parse(date, by, from, clock);
        if (query is null) return invalid!;
        var reference = await CoverageReference.LoadAsync(connection, cancellationToken);
        var report = await CoverageReport.LoadAsync(connection, scope, reference, query.By, query.From, query.Date, cancellationToken);
        if (report is null) return CoverageProblems.NotReady(query.Date);
        var content = await ReportSheet.SaveAsync(CoverageWorkbook.Build(report, reference, scope), cancellationToken);
        return TypedResults.File(content, ReportSheet.ContentType, $"入会建会情况统计表-{query.Date:yyyy-MM-dd}.xlsx");
    }
}
