namespace MiniApp.Api.Notifications.DeadLetters;

/// <summary>GET /api/staff/notifications?status=dead: the outbox by status, newest first (county admins).</summary>
public static class ListNotifications
{
    public sealed record Item(long Id, string Kind, string RecipientType, long RecipientId, string Status, int Attempts,
        string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long Total);

    private sealed record Row(long Id, string Kind, string RecipientType, long RecipientId, string Status, int Attempts,
        string? LastError, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public Item ToItem() => new(Id, Kind, RecipientType, RecipientId, Status, Attempts, LastError,
            new DateTimeOffset(CreatedAt, TimeSpan.Zero), new DateTimeOffset(UpdatedAt, TimeSpan.Zero));
    }

    private const string CountSql = "SELECT COUNT(*) FROM notification_outbox WHERE status = @wanted";

    private const string PageSql = """
        SELECT id, kind, recipient_type, recipient_id, status, attempts, last_error, created_at, updated_at
        FROM notification_outbox WHERE status = @wanted ORDER BY id DESC LIMIT @size OFFSET @offset
        """;

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle(string? status, int? page, int? pageSize,
        [AsParameters] NotificationServices services)
    {
        var wanted = status ?? OutboxStates.Dead;
        var number = page ?? 1;
        var size = pageSize ?? 20;
        if (!OutboxStates.All.Contains(wanted))
            return Problems.Validation("status", "状态须为 " + string.Join("、", OutboxStates.All));
        if (number < 1) return Problems.Validation("page", "页码从1开始");
        if (size is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var total = await db.ExecuteScalarAsync<long>(CountSql, new { wanted });
        var rows = await db.QueryAsync<Row>(PageSql, new { wanted, size, offset = (number - 1) * size });
        return TypedResults.Ok(new Page(rows.Select(row => row.ToItem()).ToList(), number, size, total));
    }
}
