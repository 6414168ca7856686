namespace MiniApp.Api.Coverage.Reports;

/// <summary>GET /api/staff/reports/coverage?date&amp;by&amp;from: the coverage report of the caller's scope.</summary>
public static class GetCoverageReport
{
    public static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> Handle(string? date, string? by, string? from, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, forbidden) = await ReportScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return forbidden!;
        var (query, invalid) = CoverageReportQuery.Parse(date, by, from, clock);
        if (query is null) return invalid!;
        var reference = await CoverageReference.LoadAsync(connection, cancellationToken);
        var report = await CoverageReport.LoadAsync(connection, scope, reference, query.By, query.From, query.Date, cancellationToken);
        return report is null ? CoverageProblems.NotReady(query.Date) : TypedResults.Ok(report);
    }
}
