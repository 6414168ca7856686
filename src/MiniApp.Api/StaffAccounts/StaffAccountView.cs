namespace MiniApp.Api.StaffAccounts;

public sealed record StaffAccountView(long Id, string Username, string DisplayName, string Role, long UnionId,
    string UnionName, string? DepartmentCode, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    private const string SelectSql = """
        SELECT s.id, s.username, s.display_name, s.role, s.union_id, o.name AS union_name, s.department_code,
               s.disabled, s.created_at, s.last_login_at
        FROM staff s JOIN organizations o ON o.id = s.union_id
        """;

    public static async Task<IReadOnlyList<StaffAccountView>> QueryAsync(Db db, string whereAndOrder,
        object? parameters) =>
        (await db.QueryAsync<Row>(SelectSql + " " + whereAndOrder, parameters))
        .Select(row => new StaffAccountView(row.Id, row.Username, row.DisplayName, row.Role, row.UnionId,
            row.UnionName, row.DepartmentCode, row.Disabled, new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
            row.LastLoginAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null))
        .ToList();

    /// <summary>The account with the id given, which exists.</summary>
    public static async Task<StaffAccountView> OneAsync(Db db, long id) =>
        (await QueryAsync(db, "WHERE s.id = @id", new { id })).Single();

    private sealed record Row(long Id, string Username, string DisplayName, string Role, long UnionId, string UnionName,
        string? DepartmentCode, bool Disabled, DateTime CreatedAt, DateTime? LastLoginAt);
}
