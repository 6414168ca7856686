namespace MiniApp.Api.Notifications.DeadLetters;

/// <summary>GET /api/staff/notifications?status=dead: the outbox by status, newest first (county admins).</summary>
public static class ListNotifications
{
    public sealed record Item(long Id, string Kind, string RecipientType, long RecipientId, string Status, int Attempts, string? LastError,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long Total);

    private sealed record Row(long Id, string Kind, string RecipientType, long RecipientId, string Status, int Attempts, string? LastError,
        DateTime CreatedAt, DateTime UpdatedAt);

    private static readonly string[] Statuses = ["pending", "sending", "sent", "no_grant", "inbox_only", "dead"];

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle(string? status, int? page, int? pageSize, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        var wanted = status ?? "dead";
        var number = page ?? 1;
        var size = pageSize ?? 20;
        if (!Statuses.Contains(wanted)) return Problems.Validation("status", "状态须为 " + string.Join("、", Statuses));
        if (number < 1) return Problems.Validation("page", "页码从1开始");
        if (size is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM notification_outbox WHERE status = @wanted", new { wanted }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, kind, recipient_type, recipient_id, status, attempts, last_error, created_at, updated_at
            FROM notification_outbox WHERE status = @wanted ORDER BY id DESC LIMIT @size OFFSET @offset
            """, new { wanted, size, offset = (number - 1) * size }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Page(rows.Select(r => new Item(r.Id, r.Kind, r.RecipientType, r.RecipientId, r.Status, r.Attempts, r.LastError,
            new DateTimeOffset(r.CreatedAt, TimeSpan.Zero), new DateTimeOffset(r.UpdatedAt, TimeSpan.Zero))).ToList(), number, size, total));
    }
}
