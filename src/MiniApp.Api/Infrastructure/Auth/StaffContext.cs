namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// The staff member behind a token, read fresh from the database on each request so that a disabled account, a reset
/// password or a moved union takes effect at once. UnionPath is the scope: a reviewer acts on their union and every
/// union below it. The union's type, region and worker group come along, for the scopes of enterprises and figures.
/// </summary>
public sealed record StaffContext(long Id, string Role, long UnionId, string UnionPath, string? DepartmentCode,
    string UnionType, string UnionRegionCode, string? UnionWorkerGroupCode)
{
    private const string EnabledSql = """
        SELECT s.id, s.role, s.union_id, o.path AS union_path, s.department_code, o.type AS union_type,
            o.region_code AS union_region_code, o.worker_group_code AS union_worker_group_code
        FROM staff s JOIN organizations o ON o.id = s.union_id
        WHERE s.id = @Id AND s.disabled = 0
        """;

    private const string Sql =
        EnabledSql + " AND (s.password_changed_at IS NULL OR s.password_changed_at < @IssuedBefore)";

    public bool IsCountyAdmin => Role == StaffRoles.CountyAdmin;

    public bool Covers(string organizationPath) => organizationPath.StartsWith(UnionPath, StringComparison.Ordinal);

    /// <summary>
    /// Binds a handler's <c>StaffContext</c> parameter to the staff member the endpoint's staff policy loaded
    /// (see <see cref="CurrentStaffHandler"/>).
    /// </summary>
    public static ValueTask<StaffContext?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<StaffContext?>(CurrentStaff.Of(context));

    public static Task<StaffContext?> LoadAsync(MySqlConnection connection, ClaimsPrincipal principal,
        CancellationToken cancellationToken) =>
        connection.Db(cancellationToken).QuerySingleOrDefaultAsync<StaffContext>(Sql,
            new { Id = principal.StaffId(), IssuedBefore = principal.IssuedBefore() });

    /// <summary>Another enabled staff member (one named on a record), or null.</summary>
    public static Task<StaffContext?> LoadEnabledAsync(DbConnection connection, DbTransaction? transaction, long id,
        CancellationToken cancellationToken) =>
        connection.Db(transaction, cancellationToken)
            .QuerySingleOrDefaultAsync<StaffContext>(EnabledSql, new { Id = id });
}
