namespace MiniApp.Api.Stations;

/// <summary>
/// Who may do what with stations. Every staff role reads the stations owned by their union and the unions below it
/// (station keepers print their QR codes, department viewers see the map); county admins and union reviewers also
/// create, edit, import and change status. A station outside the caller's subtree answers 404, as if absent.
/// </summary>
public static class StationAccess
{
    public static bool CanEdit(this StaffContext staff) => staff.Role is StaffRoles.CountyAdmin or StaffRoles.UnionReviewer;

    public static async Task<(StaffContext? Staff, ProblemHttpResult? Problem)> ReaderAsync(MySqlConnection connection,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var staff = await StaffContext.LoadAsync(connection, principal, cancellationToken);
        return staff is null ? (null, Problems.SessionExpired()) : (staff, null);
    }

    public static async Task<(StaffContext? Staff, ProblemHttpResult? Problem)> EditorAsync(MySqlConnection connection,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (staff, problem) = await ReaderAsync(connection, principal, cancellationToken);
        if (staff is null) return (null, problem);
        return staff.CanEdit() ? (staff, null) : (null, ProblemCodes.Forbidden.Problem("没有权限维护站点信息"));
    }

    /// <summary>The station if it lies in the caller's scope (locked when inside a transaction), else null.</summary>
    public static async Task<StationRow?> InScopeAsync(DbConnection connection, DbTransaction? transaction, StaffContext staff, long id,
        CancellationToken cancellationToken)
    {
        var sql = StationRow.SelectSql + " WHERE s.id = @id" + (transaction is null ? "" : " FOR UPDATE");
        var row = await connection.QuerySingleOrDefaultAsync<StationRow>(new CommandDefinition(sql, new { id }, transaction,
            cancellationToken: cancellationToken));
        return row is not null && staff.Covers(row.UnionPath) ? row : null;
    }
}
