namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// GET /api/staff/reports/coverage/trend?from&amp;to&amp;by: for each day of [from, to] that has figures, the members (all,
/// and those of surveyed groups: 入会率's numerator), surveyed workers and 入会率 per key, and the 100+ enterprises with
/// their 建会率. At most 366 days; to defaults to today (China), from to 29 days before to.
/// </summary>
public static class GetCoverageTrend
{
    public const int MaxDays = 366;

    public sealed record Point(string Key, string Name, long ActiveMembers, long SurveyedGroupMembers, long SurveyedWorkers, decimal? JoinRate,
        long? Enterprises100Plus, long? WithUnion, decimal? UnionRate);

    public sealed record Day(DateOnly Date, bool Frozen, IReadOnlyList<Point> Rows, Point Total);

    public sealed record Response(DateOnly From, DateOnly To, string By, decimal Target, IReadOnlyList<Day> Days);

    private sealed record GroupDay(DateTime Day, string TownshipCode, string WorkerGroupCode, long SurveyedWorkers, long ActiveMembers);

    private sealed record EnterpriseDay(DateTime Day, string TownshipCode, string DepartmentCode, long Enterprises, long WithUnion);

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

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string? from, string? to, string? by, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, forbidden) = await ReportScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return forbidden!;

        var errors = new Dictionary<string, string[]>();
        var end = ReportDates.Optional(to, "to", errors) ?? ChinaTime.Today(clock);
        var start = ReportDates.Optional(from, "from", errors) ?? end.AddDays(-29);
        var key = string.IsNullOrWhiteSpace(by) ? ReportKeys.Township : by.Trim().ToLowerInvariant();
        if (!ReportKeys.IsKnown(key)) errors["by"] = ["by 只能是 township（乡镇）、group（群体）或 department（主管部门）"];
        if (errors.Count == 0 && start > end) errors["from"] = ["开始日期不能晚于结束日期"];
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > MaxDays) errors["to"] = [$"一次最多查询{MaxDays}天"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var days = await CoverageReader.DaysAsync(connection, start, end, cancellationToken);
        var reference = await CoverageReference.LoadAsync(connection, cancellationToken);
        var parameters = scope.Parameters(new { From = CoverageReader.At(start), To = CoverageReader.At(end) });
        var groups = (await connection.QueryAsync<GroupDay>(new CommandDefinition(GroupsSql, parameters, cancellationToken: cancellationToken)))
            .ToLookup(g => DateOnly.FromDateTime(g.Day));
        var enterprises = scope.SeesEnterprises
            ? (await connection.QueryAsync<EnterpriseDay>(new CommandDefinition(EnterprisesSql, parameters, cancellationToken: cancellationToken)))
                .ToLookup(e => DateOnly.FromDateTime(e.Day))
            : null;

        var result = days.Select(day =>
        {
            var figures = new CoverageReader.Figures(
                groups[day.Date].Select(g => new GroupCell(g.TownshipCode, g.WorkerGroupCode, g.SurveyedWorkers, 0, 0, g.ActiveMembers,
                    0, 0, 0, 0, 0, 0, 0, 0)).ToList(),
                [],
                enterprises?[day.Date].Select(e => new EnterpriseCell(e.TownshipCode, e.DepartmentCode, EnterpriseCategories.All100Plus,
                    e.Enterprises, e.WithUnion, 0, 0, 0, 0)).ToList());
            var rolled = CoverageRollup.Build(key, reference, scope, figures);
            return new Day(day.Date, day.Frozen, rolled.Rows.Select(ToPoint).ToList(), ToPoint(rolled.Total));
        }).ToList();
        return TypedResults.Ok(new Response(start, end, key, CoverageRates.Target, result));
    }

    private static Point ToPoint(ReportRow row) => new(row.Key, row.Name, row.Workers.ActiveMembers, row.Workers.SurveyedGroupMembers, row.Workers.SurveyedWorkers,
        row.Workers.JoinRate, row.Enterprises?.Enterprises100Plus, row.Enterprises?.WithUnion, row.Enterprises?.UnionRate);
}
