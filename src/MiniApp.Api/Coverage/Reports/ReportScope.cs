namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// Which figures and survey rows a staff member may see and write. County admins: all. A union reviewer of a 乡镇/街道
/// federation itself: that township, every group. A reviewer of an industry federation itself: that federation's
/// worker group in every township, and no enterprise figures (enterprises are not split by group). A department user:
/// the groups their department is responsible for, and the enterprises of their department. Everyone else (reviewers
/// of enterprise unions, joint unions, station groups, the park federation; station keepers): 403 from
/// <see cref="Policy"/>. The union's type decides, never its region: a union below a township federation carries the
/// township's region code. Staff is null for the county-wide figures a job reads.
/// </summary>
public sealed record ReportScope(
    StaffContext? Staff,
    string? TownshipCode,
    IReadOnlyList<string>? GroupCodes,
    string? DepartmentCode,
    bool SeesEnterprises)
{
    /// <summary>The policy of the figures and survey rows: staff members with a scope (<see cref="Has"/>).</summary>
    public const string Policy = "reports:scope";

    public const string ForbiddenDetail = "没有权限查看入会建会统计";

    private const string TownshipFederation = "township_federation";
    private const string IndustryFederation = "industry_federation";

    /// <summary>A condition on coverage_group_daily, coverage_decision_days or group_surveys, aliased <c>g</c>.
    /// </summary>
    public const string GroupSql = """
        (@ScopeTownship IS NULL OR g.township_code = @ScopeTownship)
        AND (@ScopeAllGroups = 1 OR g.worker_group_code IN @ScopeGroups)
        """;

    /// <summary>A condition on coverage_enterprise_daily aliased <c>e</c>.</summary>
    public const string EnterpriseSql = """
        (@ScopeTownship IS NULL OR e.township_code = @ScopeTownship)
        AND (@ScopeDepartment IS NULL OR e.department_code = @ScopeDepartment)
        """;

    private const string DepartmentGroupsSql = """
        SELECT worker_group_code FROM department_worker_groups
        WHERE department_code = @DepartmentCode ORDER BY worker_group_code
        """;

    public static ReportScope County { get; } = new(null, null, null, null, true);

    public bool IsCounty => TownshipCode is null && GroupCodes is null && DepartmentCode is null;

    public bool CoversTownship(string code) => TownshipCode is null || TownshipCode == code;

    public bool CoversGroup(string code) => GroupCodes is null || GroupCodes.Contains(code, StringComparer.Ordinal);

    public DynamicParameters Parameters(object? more = null)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("ScopeTownship", TownshipCode);
        parameters.Add("ScopeAllGroups", GroupCodes is null ? 1 : 0);
        // A department that leads no group sees no worker figures; "" matches no group and keeps IN () valid SQL.
        parameters.Add("ScopeGroups", GroupCodes is { Count: > 0 } groups ? groups : [""]);
        parameters.Add("ScopeDepartment", DepartmentCode);
        return parameters;
    }

    /// <summary>The rule of <see cref="Policy"/>: whether the staff member has a scope at all.</summary>
    public static bool Has(StaffContext staff) => For(staff, departmentGroups: []) is not null;

    /// <summary>
    /// Binds a handler's <c>ReportScope</c> parameter: the scope of the staff member <see cref="Policy"/> admitted (a
    /// department's groups are read from the database).
    /// </summary>
    public static async ValueTask<ReportScope?> BindAsync(HttpContext context)
    {
        var staff = CurrentStaff.Of(context);
        IReadOnlyList<string> groups = [];
        if (staff is { Role: StaffRoles.DepartmentViewer, DepartmentCode: { } department })
        {
            var dataSource = context.RequestServices.GetRequiredService<MySqlDataSource>();
            await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
            var db = connection.Db(context.RequestAborted);
            groups = (await db.QueryAsync<string>(DepartmentGroupsSql, new { DepartmentCode = department })).ToList();
        }
        return For(staff, groups) ?? throw new InvalidOperationException($"{context.Request.Method} "
            + $"{context.Request.Path}: the endpoint takes a report scope without the {Policy} policy.");
    }

    private static ReportScope? For(StaffContext staff, IReadOnlyList<string> departmentGroups) => staff switch
    {
        { Role: StaffRoles.CountyAdmin } => new ReportScope(staff, null, null, null, true),
        { Role: StaffRoles.DepartmentViewer, DepartmentCode: { } department } =>
            new ReportScope(staff, null, departmentGroups, department, true),
        { Role: StaffRoles.UnionReviewer, UnionType: TownshipFederation } =>
            new ReportScope(staff, staff.UnionRegionCode, null, null, true),
        { Role: StaffRoles.UnionReviewer, UnionType: IndustryFederation, UnionWorkerGroupCode: { } group } =>
            new ReportScope(staff, null, [group], null, false),
        _ => null,
    };
}
