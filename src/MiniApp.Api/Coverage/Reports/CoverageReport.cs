namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// The figures at a date by township, group or department: stocks at the date, flows over from..date, the 60% target
/// and each rate's gap to it. <see cref="Frozen"/> is false for a day still being refreshed hourly.
/// </summary>
public sealed record CoverageReport(DateOnly Date, DateOnly From, bool Frozen, DateTime ComputedAt, decimal Target, string By,
    IReadOnlyList<ReportRow> Rows, ReportRow Total)
{
    /// <summary>The report, or null when the day has no figures yet.</summary>
    public static async Task<CoverageReport?> LoadAsync(MySqlConnection connection, ReportScope scope, CoverageReference reference, string by,
        DateOnly from, DateOnly date, CancellationToken cancellationToken)
    {
        var day = await CoverageReader.DayAsync(connection, date, cancellationToken);
        if (day is null) return null;
        var figures = await CoverageReader.ReadAsync(connection, scope, from, date, cancellationToken);
        var rolled = CoverageRollup.Build(by, reference, scope, figures);
        return new CoverageReport(date, from, day.Frozen, day.ComputedAt, CoverageRates.Target, by, rolled.Rows, rolled.Total);
    }
}
