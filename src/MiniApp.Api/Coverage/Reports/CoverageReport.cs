namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// The figures at a date by township, group or department: stocks at the date, flows over from..date, the 60% target
/// and each rate's gap to it. <see cref="Frozen"/> is false for a day still being refreshed hourly.
/// </summary>
public sealed record CoverageReport(
    DateOnly Date,
    DateOnly From,
    bool Frozen,
    DateTime ComputedAt,
    decimal Target,
    string By,
    IReadOnlyList<ReportRow> Rows,
    ReportRow Total)
{
    /// <summary>A report with the reference lists it was laid out by (the workbook names its keys from them).</summary>
    public sealed record Loaded(CoverageReport Report, CoverageReference Reference);

    /// <summary>
    /// The report GET coverage and coverage.xlsx answer in the caller's scope, or the problem to answer: 400 for a bad
    /// query, 404 when the day has no figures yet.
    /// </summary>
    public static async Task<(Loaded? Loaded, ProblemHttpResult? Problem)> ForRequestAsync(string? date, string? by,
        string? from, ReportScope scope, ReportServices services)
    {
        var (query, invalid) = CoverageReportQuery.Parse(date, by, from, services.Clock);
        if (query is null) return (null, invalid);
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var reference = await CoverageReference.LoadAsync(db);
        var report = await LoadAsync(db, scope, reference, query);
        return report is null ? (null, CoverageProblems.NotReady(query.Date)) : (new Loaded(report, reference), null);
    }

    /// <summary>The report, or null when the day has no figures yet.</summary>
    public static async Task<CoverageReport?> LoadAsync(Db db, ReportScope scope, CoverageReference reference,
        CoverageReportQuery query)
    {
        var day = await CoverageReader.DayAsync(db, query.Date);
        if (day is null) return null;
        var figures = await CoverageReader.ReadAsync(db, scope, query.From, query.Date);
        var rolled = CoverageRollup.Build(query.By, reference, scope, figures);
        return new CoverageReport(query.Date, query.From, day.Frozen, day.ComputedAt, CoverageRates.Target, query.By,
            rolled.Rows, rolled.Total);
    }
}
