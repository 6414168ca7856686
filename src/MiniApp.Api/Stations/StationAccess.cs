namespace MiniApp.Api.Stations;

/// <summary>
/// Who may do what with stations. Every staff role reads the stations owned by their union and the unions below it
/// (station keepers print their QR codes, department viewers see the map); county admins and union reviewers also
/// create, edit, import and change status (<see cref="EditPolicy"/>). A station outside the caller's subtree answers
/// 404, as if absent.
/// </summary>
public static class StationAccess
{
    /// <summary>The endpoint policy of station writes.</summary>
    public const string EditPolicy = "stations:edit";

    public static bool CanEdit(this StaffContext staff) =>
        staff.Role is StaffRoles.CountyAdmin or StaffRoles.UnionReviewer;

    /// <summary>The station if it lies in the caller's scope (locked when inside a transaction), else null.</summary>
    public static async Task<StationRow?> InScopeAsync(Db db, StaffContext staff, long id)
    {
        var sql = StationRow.SelectSql + " WHERE s.id = @id" + (db.Transaction is null ? "" : " FOR UPDATE");
        var row = await db.QuerySingleOrDefaultAsync<StationRow>(sql, new { id });
        return row is not null && staff.Covers(row.UnionPath) ? row : null;
    }
}
