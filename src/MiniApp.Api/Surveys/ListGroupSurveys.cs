using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Surveys;

/// <summary>GET /api/staff/surveys/groups?periodStart&amp;township&amp;group: the survey rows in the caller's scope,
/// newest period first.</summary>
public static class ListGroupSurveys
{
    public sealed record Row(
        DateOnly PeriodStart, string Township, string TownshipName, string Group, string GroupName,
        IReadOnlyList<string> Departments, int Workers, int Units, int UnitsWithUnion, string? CoverageMode,
        string? CoverageModeName, string? Note, DateTime UpdatedAt);

    public sealed record Response(IReadOnlyList<Row> Rows);

    private sealed record Stored(
        DateTime PeriodStart, string TownshipCode, string WorkerGroupCode, int Workers, int Units, int UnitsWithUnion,
        string? CoverageMode, string? Note, DateTime UpdatedAt);

    private const string Sql = $"""
        SELECT g.period_start, g.township_code, g.worker_group_code, g.workers, g.units, g.units_with_union,
            g.coverage_mode, g.note, g.updated_at
        FROM group_surveys g
        JOIN regions r ON r.code = g.township_code
        JOIN worker_groups w ON w.code = g.worker_group_code
        WHERE {ReportScope.GroupSql}
            AND (@PeriodStart IS NULL OR g.period_start = @PeriodStart)
            AND (@Township IS NULL OR g.township_code = @Township)
            AND (@Group IS NULL OR g.worker_group_code = @Group)
        ORDER BY g.period_start DESC, r.sort_order, w.sort_order
        """;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string? periodStart, string? township,
        string? group, ReportScope scope, [AsParameters] SurveyServices services)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportDates.Optional(periodStart, "periodStart", errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var reference = await CoverageReference.LoadAsync(db);
        var stored = await db.QueryAsync<Stored>(Sql, scope.Parameters(new
        {
            PeriodStart = period?.ToDateTime(TimeOnly.MinValue),
            Township = string.IsNullOrWhiteSpace(township) ? null : township.Trim(),
            Group = string.IsNullOrWhiteSpace(group) ? null : group.Trim(),
        }));
        return TypedResults.Ok(new Response(stored.Select(s => ToRow(s, reference)).ToList()));
    }

    private static Row ToRow(Stored s, CoverageReference reference) => new(
        DateOnly.FromDateTime(s.PeriodStart), s.TownshipCode, reference.TownshipName(s.TownshipCode), s.WorkerGroupCode,
        reference.GroupName(s.WorkerGroupCode),
        reference.DepartmentsOfGroup.TryGetValue(s.WorkerGroupCode, out var departments)
            ? departments.Select(reference.DepartmentName).ToList()
            : [],
        s.Workers, s.Units, s.UnitsWithUnion, s.CoverageMode, CoverageModes.NameOf(s.CoverageMode), s.Note,
        s.UpdatedAt);
}
