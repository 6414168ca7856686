namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// GET /api/staff/reports/coverage/trend?from&amp;to&amp;by: for each day of [from, to] that has figures, the members
/// (all, and those of surveyed groups: 入会率's numerator), surveyed workers and 入会率 per key, and the 100+
/// enterprises with their 建会率. At most 366 days; to defaults to today (China), from to 29 days before to.
/// </summary>
public static class GetCoverageTrend
{
    public const int MaxDays = 366;

    public sealed record Point(
        string Key, string Name, long ActiveMembers, long SurveyedGroupMembers, long SurveyedWorkers, decimal? JoinRate,
        long? Enterprises100Plus, long? WithUnion, decimal? UnionRate);

    public sealed record Day(DateOnly Date, bool Frozen, IReadOnlyList<Point> Rows, Point Total);

    public sealed record Response(DateOnly From, DateOnly To, string By, decimal Target, IReadOnlyList<Day> Days);

    private sealed record Query(DateOnly From, DateOnly To, string By);

    private sealed record GroupDay(
        DateTime Day, string TownshipCode, string WorkerGroupCode, long SurveyedWorkers, long ActiveMembers);

    private sealed record EnterpriseDay(
        DateTime Day, string TownshipCode, string DepartmentCode, long Enterprises, long WithUnion);

    private const string GroupsSql = $"""
        SELECT g.day, g.township_code, g.worker_group_code, CAST(g.surveyed_workers AS SIGNED) AS surveyed_workers,
            CAST(g.active_members AS SIGNED) AS active_members
        FROM coverage_group_daily g
        WHERE g.day BETWEEN @From AND @To AND {ReportScope.GroupSql}
        """;

    private const string EnterprisesSql = $"""
        SELECT e.day, e.township_code, e.department_code, CAST(SUM(e.enterprises) AS SIGNED) AS enterprises,
            CAST(SUM(e.with_union) AS SIGNED) AS with_union
        FROM coverage_enterprise_daily e
        WHERE e.day BETWEEN @From AND @To AND e.category = 'all_100plus' AND {ReportScope.EnterpriseSql}
        GROUP BY e.day, e.township_code, e.department_code
        """;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string? from, string? to, string? by,
        ReportScope scope, [AsParameters] ReportServices services)
    {
        var (query, invalid) = Parse(from, to, by, services.Clock);
        if (query is null) return invalid!;

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var days = await CoverageReader.DaysAsync(db, query.From, query.To);
        var reference = await CoverageReference.LoadAsync(db);
        var parameters = scope.Parameters(new
        {
            From = CoverageReader.At(query.From),
            To = CoverageReader.At(query.To),
        });
        var groups = (await db.QueryAsync<GroupDay>(GroupsSql, parameters)).ToLookup(g => Date(g.Day));
        var enterprises = scope.SeesEnterprises
            ? (await db.QueryAsync<EnterpriseDay>(EnterprisesSql, parameters)).ToLookup(e => Date(e.Day))
            : null;

        var result = days.Select(day =>
        {
            var figures = new CoverageReader.Figures(
                groups[day.Date].Select(ToCell).ToList(), [], enterprises?[day.Date].Select(ToCell).ToList());
            var rolled = CoverageRollup.Build(query.By, reference, scope, figures);
            return new Day(day.Date, day.Frozen, rolled.Rows.Select(ToPoint).ToList(), ToPoint(rolled.Total));
        }).ToList();
        return TypedResults.Ok(new Response(query.From, query.To, query.By, CoverageRates.Target, result));
    }

    private static (Query? Query, ProblemHttpResult? Problem) Parse(string? from, string? to, string? by,
        TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var end = ReportDates.Optional(to, "to", errors) ?? ChinaTime.Today(clock);
        var start = ReportDates.Optional(from, "from", errors) ?? end.AddDays(-29);
        var key = ReportKeys.Parse(by, errors);
        if (errors.Count == 0 && start > end) errors["from"] = ["开始日期不能晚于结束日期"];
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > MaxDays)
            errors["to"] = [$"一次最多查询{MaxDays}天"];
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (new Query(start, end, key), null);
    }

    private static DateOnly Date(DateTime day) => DateOnly.FromDateTime(day);

    private static GroupCell ToCell(GroupDay g) =>
        GroupCell.Zero(g.TownshipCode, g.WorkerGroupCode) with
        {
            SurveyedWorkers = g.SurveyedWorkers,
            ActiveMembers = g.ActiveMembers,
        };

    private static EnterpriseCell ToCell(EnterpriseDay e) =>
        EnterpriseCell.Zero(e.TownshipCode, e.DepartmentCode, EnterpriseCategories.All100Plus) with
        {
            Enterprises = e.Enterprises,
            WithUnion = e.WithUnion,
        };

    private static Point ToPoint(ReportRow row) => new(
        row.Key, row.Name, row.Workers.ActiveMembers, row.Workers.SurveyedGroupMembers, row.Workers.SurveyedWorkers,
        row.Workers.JoinRate, row.Enterprises?.Enterprises100Plus, row.Enterprises?.WithUnion,
        row.Enterprises?.UnionRate);
}
