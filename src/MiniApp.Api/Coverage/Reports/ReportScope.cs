namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// Which figures and survey rows a staff member may see and write. County admins: all. A union reviewer of a 乡镇/街道
/// federation itself: that township, every group. A reviewer of an industry federation itself: that federation's worker
/// group in every township, and no enterprise figures (enterprises are not split by group). A department user: the
/// groups their department is responsible for, and the enterprises of their department. Everyone else (reviewers of
/// enterprise unions, joint unions, station groups, the park federation; station keepers): 403. The union's type
/// decides, never its region: a union below a township federation carries the township's region code.
/// Staff is null for the county-wide figures a job reads.
/// </summary>
public sealed record ReportScope(StaffContext? Staff, string? TownshipCode, IReadOnlyList<string>? GroupCodes, string? DepartmentCode,
    bool SeesEnterprises)
{
    /// <summary>A condition on coverage_group_daily, coverage_decision_days or group_surveys aliased <c>g</c>.</summary>
    public const string GroupSql = """
        (@ScopeTownship IS NULL OR g.township_code = @ScopeTownship)
        AND (@ScopeAllGroups = 1 OR g.worker_group_code IN @ScopeGroups)
        """;

    /// <summary>A condition on coverage_enterprise_daily aliased <c>e</c>.</summary>
    public const string EnterpriseSql = """
        (@ScopeTownship IS NULL OR e.township_code = @ScopeTownship)
        AND (@ScopeDepartment IS NULL OR e.department_code = @ScopeDepartment)
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

    private const string DepartmentGroupsSql =
        "SELECT worker_group_code FROM department_worker_groups WHERE department_code = @DepartmentCode ORDER BY worker_group_code";

    /// <summary>The caller's scope, or the problem to answer: 401 for a lapsed session, 403 for a role without figures.</summary>
    public static async Task<(ReportScope? Scope, ProblemHttpResult? Problem)> LoadAsync(MySqlConnection connection, ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var staff = await StaffContext.LoadAsync(connection, principal, cancellationToken);
        if (staff is null) return (null, Problems.SessionExpired());
        switch (staff.Role)
        {
            case StaffRoles.CountyAdmin:
                return (new ReportScope(staff, null, null, null, true), null);
            case StaffRoles.DepartmentViewer when staff.DepartmentCode is not null:
                var groups = (await connection.QueryAsync<string>(new CommandDefinition(DepartmentGroupsSql, new { staff.DepartmentCode },
                    cancellationToken: cancellationToken))).ToList();
                return (new ReportScope(staff, null, groups, staff.DepartmentCode, true), null);
            case StaffRoles.UnionReviewer:
                if (staff.UnionType == "township_federation") return (new ReportScope(staff, staff.UnionRegionCode, null, null, true), null);
                if (staff.UnionType == "industry_federation" && staff.UnionWorkerGroupCode is { } group)
                    return (new ReportScope(staff, null, [group], null, false), null);
                break;
        }
        return (null, Forbidden());
    }

    public static ProblemHttpResult Forbidden() => ProblemCodes.Forbidden.Problem("没有权限查看入会建会统计");
}
