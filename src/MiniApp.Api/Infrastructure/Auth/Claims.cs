namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>The claims of our tokens. A worker token and a staff token share "sub" but never "kind".</summary>
public static class AppClaims
{
    public const string Subject = "sub";
    public const string Kind = "kind";
    public const string Role = "role";
    public const string UnionId = "union_id";

    public const string WorkerKind = "worker";
    public const string StaffKind = "staff";

    public static long UserId(this ClaimsPrincipal principal) => RequiredLong(principal, Subject);

    public static long StaffId(this ClaimsPrincipal principal) => RequiredLong(principal, Subject);

    public static long StaffUnionId(this ClaimsPrincipal principal) => RequiredLong(principal, UnionId);

    public static string? StaffRole(this ClaimsPrincipal principal) => principal.FindFirstValue(Role);

    /// <summary>The second after the token was issued ("iat" counts whole seconds), in UTC.</summary>
    public static DateTime IssuedBefore(this ClaimsPrincipal principal) =>
        DateTimeOffset.FromUnixTimeSeconds(RequiredLong(principal, "iat") + 1).UtcDateTime;

    private static long RequiredLong(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirstValue(type), out var value)
            ? value
            : throw new InvalidOperationException($"The token has no valid {type} claim.");
}

public static class StaffRoles
{
    public const string CountyAdmin = "county_admin";
    public const string UnionReviewer = "union_reviewer";
    public const string DepartmentViewer = "department_viewer";
    public const string StationKeeper = "station_keeper";

    public static readonly IReadOnlyList<string> All = [CountyAdmin, UnionReviewer, DepartmentViewer, StationKeeper];
}

public static class Policies
{
    public const string Worker = "worker";
    public const string Staff = "staff";
    public const string CountyAdmin = "county_admin";
}
