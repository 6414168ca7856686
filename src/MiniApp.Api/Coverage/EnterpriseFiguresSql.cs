namespace MiniApp.Api.Coverage;

/// <summary>
/// The enterprise figures of a day per township × responsible department ('' when none) × category: all_100plus (100+
/// staff) and one category per key flag, whatever the size. with_union counts established unions; staff_in_unionised
/// and members_in_unionised are the staff and member_count of those enterprises. The register keeps no history, so it
/// is read only for today (the hourly refresh) and yesterday (the nightly freeze); an older day keeps the rows of its
/// last refresh or carries the previous day's forward (<see cref="CoverageEnterpriseSource"/>).
/// </summary>
internal static class EnterpriseFiguresSql
{
    private const string InCategory = """
        staff_count >= 100 OR key_npc_cppcc = 1 OR key_top_private = 1 OR key_top_entrepreneur = 1
            OR key_yuxi_industrial = 1
        """;

    public const string RegisterRows = $"SELECT COUNT(*) FROM enterprises WHERE {InCategory}";

    public const string Delete =
        $"DELETE FROM coverage_enterprise_daily WHERE day = @Day AND {GroupFiguresSql.NotFrozen}";

    /// <summary>Whether the day, and the day before, have enterprise rows.</summary>
    public const string Existing = """
        SELECT EXISTS (SELECT 1 FROM coverage_enterprise_daily WHERE day = @Day) AS day_rows,
            EXISTS (SELECT 1 FROM coverage_enterprise_daily WHERE day = @Previous) AS previous_rows
        """;

    /// <summary>The previous day's rows, as the day's.</summary>
    public const string CarryForward = $"""
        INSERT INTO coverage_enterprise_daily (day, township_code, department_code, category, enterprises, with_union,
            forming, staff, staff_in_unionised, members_in_unionised)
        SELECT @Day, township_code, department_code, category, enterprises, with_union, forming, staff,
            staff_in_unionised, members_in_unionised
        FROM coverage_enterprise_daily
        WHERE day = @Previous AND {GroupFiguresSql.NotFrozen}
        """;

    public const string Insert = $"""
        INSERT INTO coverage_enterprise_daily (day, township_code, department_code, category, enterprises, with_union,
            forming, staff, staff_in_unionised, members_in_unionised)
        SELECT @Day, e.township_code, e.department_code, k.category, COUNT(*), SUM(e.union_status = 'established'),
            SUM(e.union_status = 'forming'), SUM(e.staff_count),
            SUM(IF(e.union_status = 'established', e.staff_count, 0)),
            SUM(IF(e.union_status = 'established', e.member_count, 0))
        FROM (
            SELECT COALESCE(township_code, '') AS township_code, COALESCE(department_code, '') AS department_code,
                union_status, staff_count, member_count, staff_count >= 100 AS all_100plus, key_npc_cppcc,
                key_top_private, key_top_entrepreneur, key_yuxi_industrial
            FROM enterprises
            WHERE {InCategory}
        ) e
        JOIN (
            SELECT 'all_100plus' AS category UNION ALL SELECT 'key_npc_cppcc' UNION ALL SELECT 'key_top_private'
            UNION ALL SELECT 'key_top_entrepreneur' UNION ALL SELECT 'key_yuxi_industrial'
        ) k ON (k.category = 'all_100plus' AND e.all_100plus = 1)
            OR (k.category = 'key_npc_cppcc' AND e.key_npc_cppcc = 1)
            OR (k.category = 'key_top_private' AND e.key_top_private = 1)
            OR (k.category = 'key_top_entrepreneur' AND e.key_top_entrepreneur = 1)
            OR (k.category = 'key_yuxi_industrial' AND e.key_yuxi_industrial = 1)
        WHERE {GroupFiguresSql.NotFrozen}
        GROUP BY e.township_code, e.department_code, k.category
        """;
}
