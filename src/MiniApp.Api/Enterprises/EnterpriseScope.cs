using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniApp.Api.Infrastructure.Auth;
using MiniApp.Api.Infrastructure.Errors;
using MySqlConnector;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// Which enterprises a staff member may see and work on. County admins: all. A union reviewer whose union lies in a
/// 乡镇/街道: the enterprises of that township; one under the 园区 federation: the enterprises in the industrial park.
/// A department user: the enterprises their department is responsible for. Everyone else (station keepers, reviewers
/// of county-wide industry federations): none, answered 403. Every role with a scope may also edit within it: the
/// campaign makes townships and departments responsible for their enterprises.
/// </summary>
public sealed record EnterpriseScope(StaffContext Staff, bool All, string? TownshipCode, bool IndustrialPark, string? DepartmentCode)
{
    /// <summary>A condition on enterprises aliased <c>e</c>; bind its parameters with <see cref="Parameters"/>.</summary>
    public const string Sql = """
        (@ScopeAll = 1
         OR (@ScopeTownship IS NOT NULL AND e.township_code = @ScopeTownship)
         OR (@ScopePark = 1 AND e.in_industrial_park = 1)
         OR (@ScopeDepartment IS NOT NULL AND e.department_code = @ScopeDepartment))
        """;

    public void Parameters(DynamicParameters parameters)
    {
        parameters.Add("ScopeAll", All ? 1 : 0);
        parameters.Add("ScopeTownship", TownshipCode);
        parameters.Add("ScopePark", IndustrialPark ? 1 : 0);
        parameters.Add("ScopeDepartment", DepartmentCode);
    }

    /// <summary>Whether an enterprise with these attributes lies in the scope (for writes: both before and after the change).</summary>
    public bool Covers(string? townshipCode, bool inIndustrialPark, string? departmentCode) =>
        All
        || (TownshipCode is not null && townshipCode == TownshipCode)
        || (IndustrialPark && inIndustrialPark)
        || (DepartmentCode is not null && departmentCode == DepartmentCode);

    // Properties, not a positional record: EXISTS comes back as an integer, and Dapper converts it only when setting a property.
    private sealed record UnionPlace
    {
        public string RegionLevel { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public bool UnderPark { get; init; }
    }

    /// <summary>The caller's scope, or the problem to answer: 401 for a lapsed session, 403 for a role without enterprises.</summary>
    public static async Task<(EnterpriseScope? Scope, ProblemHttpResult? Problem)> LoadAsync(MySqlConnection connection, ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var staff = await StaffContext.LoadAsync(connection, principal, cancellationToken);
        if (staff is null) return (null, Problems.SessionExpired());
        switch (staff.Role)
        {
            case StaffRoles.CountyAdmin:
                return (new EnterpriseScope(staff, true, null, false, null), null);
            case StaffRoles.DepartmentViewer when staff.DepartmentCode is not null:
                return (new EnterpriseScope(staff, false, null, false, staff.DepartmentCode), null);
            case StaffRoles.UnionReviewer:
                var place = await connection.QuerySingleAsync<UnionPlace>(new CommandDefinition("""
                    SELECT r.level AS region_level, r.code AS region_code,
                        EXISTS (SELECT 1 FROM organizations p WHERE p.type = 'park_federation' AND o.path LIKE CONCAT(p.path, '%')) AS under_park
                    FROM organizations o JOIN regions r ON r.code = o.region_code WHERE o.id = @UnionId
                    """, new { staff.UnionId }, cancellationToken: cancellationToken));
                if (place.RegionLevel == "township") return (new EnterpriseScope(staff, false, place.RegionCode, false, null), null);
                if (place.UnderPark) return (new EnterpriseScope(staff, false, null, true, null), null);
                break;
        }
        return (null, Problems.Create(403, ProblemCodes.Forbidden, "没有权限查看企业名录"));
    }
}
