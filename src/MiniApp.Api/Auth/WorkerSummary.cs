namespace MiniApp.Api.Auth;

/// <summary>
/// What the mini-program needs to pick its first page after login: membership and the latest application.
/// </summary>
public sealed record WorkerSummary(long Id, bool IsMember, ApplicationRef? Application, string? PhoneMasked)
{
    private const string Sql = """
        SELECT u.id, u.phone_masked,
               EXISTS (SELECT 1 FROM members m WHERE m.user_id = u.id AND m.status = 'active') AS is_member,
               a.id AS application_id, a.status AS application_status
        FROM users u
        LEFT JOIN applications a ON a.id = (SELECT MAX(x.id) FROM applications x WHERE x.user_id = u.id)
        WHERE u.id = @UserId
        """;

    // A class, not a positional record: EXISTS answers an integer, and Dapper converts it only when setting a property.
    private sealed class Row
    {
        public long Id { get; init; }
        public string? PhoneMasked { get; init; }
        public bool IsMember { get; init; }
        public long? ApplicationId { get; init; }
        public string? ApplicationStatus { get; init; }
    }

    public static async Task<WorkerSummary?> LoadAsync(Db db, long userId)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { UserId = userId });
        return row is null
            ? null
            : new WorkerSummary(row.Id, row.IsMember,
                row.ApplicationId is { } id ? new ApplicationRef(id, row.ApplicationStatus!) : null, row.PhoneMasked);
    }
}

public sealed record ApplicationRef(long Id, string Status);
