namespace MiniApp.Api.Enterprises;

/// <summary>
/// Which enterprises a staff member may see and work on. County admins: all. A union reviewer of a 乡镇/街道 federation
/// itself: the enterprises of that township; of the 园区 federation itself: the enterprises in the industrial park.
/// A department user: the enterprises their department is responsible for. Everyone else (station keepers, reviewers of
/// enterprise unions, joint unions, station groups or the county-wide industry federations): none, answered 403 by
/// <see cref="Policy"/>. A union below a federation shares its region code but not its responsibility, so the union's
/// type decides, never its region. Every role with a scope may also edit within it: the campaign makes townships and
/// departments responsible for their enterprises.
/// </summary>
public sealed record EnterpriseScope(StaffContext Staff, bool All, string? TownshipCode, bool IndustrialPark,
    string? DepartmentCode)
{
    /// <summary>The endpoint policy of everything that works inside the caller's scope: staff who have one.</summary>
    public const string Policy = "enterprises:scope";

    public const string ForbiddenDetail = "没有权限查看企业名录";

    public const string TownshipFederation = "township_federation";
    public const string ParkFederation = "park_federation";

    /// <summary>
    /// A condition on enterprises aliased <c>e</c>; bind its parameters with <see cref="Parameters"/>.
    /// </summary>
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

    /// <summary>
    /// Whether an enterprise with these attributes lies in the scope (for writes: both before and after the change).
    /// </summary>
    public bool Covers(string? townshipCode, bool inIndustrialPark, string? departmentCode) =>
        All
        || (TownshipCode is not null && townshipCode == TownshipCode)
        || (IndustrialPark && inIndustrialPark)
        || (DepartmentCode is not null && departmentCode == DepartmentCode);

    /// <summary>The rule of <see cref="Policy"/>.</summary>
    public static bool Has(StaffContext staff) => Of(staff) is not null;

    /// <summary>
    /// Binds a handler's <c>EnterpriseScope</c> parameter to the scope of the staff member <see cref="Policy"/>
    /// admitted.
    /// </summary>
    public static ValueTask<EnterpriseScope?> BindAsync(HttpContext context)
    {
        var scope = Of(CurrentStaff.Of(context)) ?? throw new InvalidOperationException(
            $"{context.Request.Method} {context.Request.Path}: the endpoint takes the scope but lacks its policy.");
        return ValueTask.FromResult<EnterpriseScope?>(scope);
    }

    /// <summary>
    /// The scope of another enabled staff member (a step's responsible person), or null when they have none or no
    /// account.
    /// </summary>
    public static async Task<EnterpriseScope?> OfStaffAsync(Db db, long staffId)
    {
        var staff = await StaffContext.LoadEnabledAsync(db.Connection, db.Transaction, staffId, db.Cancellation);
        return staff is null ? null : Of(staff);
    }

    private static EnterpriseScope? Of(StaffContext staff)
    {
        switch (staff.Role)
        {
            case StaffRoles.CountyAdmin:
                return new EnterpriseScope(staff, true, null, false, null);
            case StaffRoles.DepartmentViewer when staff.DepartmentCode is not null:
                return new EnterpriseScope(staff, false, null, false, staff.DepartmentCode);
            case StaffRoles.UnionReviewer when staff.UnionType == TownshipFederation:
                return new EnterpriseScope(staff, false, staff.UnionRegionCode, false, null);
            case StaffRoles.UnionReviewer when staff.UnionType == ParkFederation:
                return new EnterpriseScope(staff, false, null, true, null);
            default:
                return null;
        }
    }
}
