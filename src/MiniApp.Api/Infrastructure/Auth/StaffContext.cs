using System.Security.Claims;
using Dapper;
using MySqlConnector;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// The staff member behind a token, read fresh from the database on each request so that a disabled account, a reset
/// password or a moved union takes effect at once. UnionPath is the scope: a reviewer acts on their union and every union below it.
/// </summary>
public sealed record StaffContext(long Id, string Role, long UnionId, string UnionPath, string? DepartmentCode)
{
    private const string Sql = """
        SELECT s.id, s.role, s.union_id, o.path AS union_path, s.department_code
        FROM staff s JOIN organizations o ON o.id = s.union_id
        WHERE s.id = @Id AND s.disabled = 0 AND (s.password_changed_at IS NULL OR s.password_changed_at < @IssuedBefore)
        """;

    public bool IsCountyAdmin => Role == StaffRoles.CountyAdmin;

    /// <summary>Roles that may see and decide applications (with personal data, masked unless revealed).</summary>
    public bool CanReview => Role is StaffRoles.CountyAdmin or StaffRoles.UnionReviewer;

    public bool Covers(string organizationPath) => organizationPath.StartsWith(UnionPath, StringComparison.Ordinal);

    public static Task<StaffContext?> LoadAsync(MySqlConnection connection, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StaffContext>(new CommandDefinition(Sql,
            new { Id = principal.StaffId(), IssuedBefore = principal.IssuedBefore() }, cancellationToken: cancellationToken));
}
