namespace MiniApp.Api.Coverage.Reports;

/// <summary>GET /api/staff/reports/coverage?date&amp;by&amp;from: the coverage report of the caller's scope.</summary>
public static class GetCoverageReport
{
    public static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> Handle(string? date, string? by,
        string? from, ReportScope scope, [AsParameters] ReportServices services)
    {
        var (loaded, problem) = await CoverageReport.ForRequestAsync(date, by, from, scope, services);
        return loaded is null ? problem! : TypedResults.Ok(loaded.Report);
    }
}
