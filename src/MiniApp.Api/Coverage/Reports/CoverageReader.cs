namespace MiniApp.Api.Coverage.Reports;

/// <summary>Reads the daily figure tables the coverage engine writes, within a scope; never writes them.</summary>
public static class CoverageReader
{
    public sealed record CoverageDay(DateTime Day, bool Frozen, DateTime ComputedAt)
    {
        public DateOnly Date => DateOnly.FromDateTime(Day);
    }

    public sealed record Figures(
        IReadOnlyList<GroupCell> Groups,
        IReadOnlyList<DecisionCell> Decisions,
        IReadOnlyList<EnterpriseCell>? Enterprises);

    private const string DaySql = "SELECT day, frozen, computed_at FROM coverage_days WHERE day = @Day";

    private const string DaysSql =
        "SELECT day, frozen, computed_at FROM coverage_days WHERE day BETWEEN @From AND @To ORDER BY day";

    // Stocks come from the report date's row, flows from every day of the period.
    private const string GroupsSql = $"""
        SELECT g.township_code, g.worker_group_code,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.surveyed_workers ELSE 0 END) AS SIGNED) AS surveyed_workers,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.surveyed_units ELSE 0 END) AS SIGNED) AS surveyed_units,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.surveyed_units_with_union ELSE 0 END) AS SIGNED)
                AS surveyed_units_with_union,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.active_members ELSE 0 END) AS SIGNED) AS active_members,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.open_applications ELSE 0 END) AS SIGNED) AS open_applications,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.approved_total ELSE 0 END) AS SIGNED) AS approved_total,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.rejected_total ELSE 0 END) AS SIGNED) AS rejected_total,
            CAST(SUM(CASE WHEN g.day = @Date THEN g.withdrawn_total ELSE 0 END) AS SIGNED) AS withdrawn_total,
            CAST(SUM(g.submitted_in_day) AS SIGNED) AS submitted_in_period,
            CAST(SUM(g.approved_in_day) AS SIGNED) AS approved_in_period,
            CAST(SUM(g.rejected_in_day) AS SIGNED) AS rejected_in_period,
            CAST(SUM(g.withdrawn_in_day) AS SIGNED) AS withdrawn_in_period
        FROM coverage_group_daily g
        WHERE g.day BETWEEN @From AND @Date AND {ReportScope.GroupSql}
        GROUP BY g.township_code, g.worker_group_code
        """;

    private const string DecisionsSql = $"""
        SELECT g.township_code, g.worker_group_code, g.days, CAST(SUM(g.decisions) AS SIGNED) AS decisions
        FROM coverage_decision_days g
        WHERE g.day BETWEEN @From AND @Date AND {ReportScope.GroupSql}
        GROUP BY g.township_code, g.worker_group_code, g.days
        """;

    private const string EnterprisesSql = $"""
        SELECT e.township_code, e.department_code, e.category,
            CAST(SUM(e.enterprises) AS SIGNED) AS enterprises, CAST(SUM(e.with_union) AS SIGNED) AS with_union,
            CAST(SUM(e.forming) AS SIGNED) AS forming, CAST(SUM(e.staff) AS SIGNED) AS staff,
            CAST(SUM(e.staff_in_unionised) AS SIGNED) AS staff_in_unionised,
            CAST(SUM(e.members_in_unionised) AS SIGNED) AS members_in_unionised
        FROM coverage_enterprise_daily e
        WHERE e.day = @Date AND {ReportScope.EnterpriseSql}
        GROUP BY e.township_code, e.department_code, e.category
        """;

    public static Task<CoverageDay?> DayAsync(Db db, DateOnly day) =>
        db.QuerySingleOrDefaultAsync<CoverageDay>(DaySql, new { Day = At(day) });

    public static async Task<IReadOnlyList<CoverageDay>> DaysAsync(Db db, DateOnly from, DateOnly to) =>
        (await db.QueryAsync<CoverageDay>(DaysSql, new { From = At(from), To = At(to) })).ToList();

    /// <summary>The scope's figures at <paramref name="date"/>, with flows and decisions over from..date.</summary>
    public static async Task<Figures> ReadAsync(Db db, ReportScope scope, DateOnly from, DateOnly date)
    {
        var parameters = scope.Parameters(new { From = At(from), Date = At(date) });
        var groups = (await db.QueryAsync<GroupCell>(GroupsSql, parameters)).ToList();
        var decisions = (await db.QueryAsync<DecisionCell>(DecisionsSql, parameters)).ToList();
        var enterprises = scope.SeesEnterprises
            ? (await db.QueryAsync<EnterpriseCell>(EnterprisesSql, parameters)).ToList()
            : null;
        return new Figures(groups, decisions, enterprises);
    }

    internal static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
