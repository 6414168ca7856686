namespace MiniApp.Api.Notifications.Inbox;

public sealed record InboxMessage(long Id, string Kind, string Title, string Body, string? Page, long? ApplicationId,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxPage(IReadOnlyList<InboxMessage> Items, int Unread);

/// <summary>Whose inbox: a worker's or a staff member's (<see cref="Recipients"/>) and their id.</summary>
public sealed record InboxOwner(string RecipientType, long RecipientId);

/// <summary>The in-app inbox of a worker or a staff member: newest first, with the count of unread messages.</summary>
public static class Inbox
{
    private sealed record Row(long Id, string Kind, string Title, string Body, string? Page, long? ApplicationId,
        DateTime CreatedAt, DateTime? ReadAt)
    {
        public InboxMessage ToMessage() => new(Id, Kind, Title, Body, Page, ApplicationId,
            new DateTimeOffset(CreatedAt, TimeSpan.Zero),
            ReadAt is { } read ? new DateTimeOffset(read, TimeSpan.Zero) : null);
    }

    private const string PageSql = """
        SELECT id, kind, title, body, page, application_id, created_at, read_at FROM messages
        WHERE recipient_type = @RecipientType AND recipient_id = @RecipientId AND (@before IS NULL OR id < @before)
        ORDER BY id DESC LIMIT @limit
        """;

    private const string UnreadSql = """
        SELECT COUNT(*) FROM messages
        WHERE recipient_type = @RecipientType AND recipient_id = @RecipientId AND read_at IS NULL
        """;

    private const string MarkReadSql = """
        UPDATE messages SET read_at = COALESCE(read_at, @now)
        WHERE id = @id AND recipient_type = @RecipientType AND recipient_id = @RecipientId;
        SELECT EXISTS (
            SELECT 1 FROM messages WHERE id = @id AND recipient_type = @RecipientType AND recipient_id = @RecipientId);
        """;

    public static async Task<InboxPage> LoadAsync(Db db, InboxOwner owner, long? before, int limit)
    {
        var rows = await db.QueryAsync<Row>(PageSql, new { owner.RecipientType, owner.RecipientId, before, limit });
        var unread = await db.ExecuteScalarAsync<int>(UnreadSql, owner);
        return new InboxPage(rows.Select(row => row.ToMessage()).ToList(), unread);
    }

    /// <summary>False when the message does not exist or is someone else's.</summary>
    public static Task<bool> MarkReadAsync(Db db, InboxOwner owner, long id, DateTime now) =>
        db.ExecuteScalarAsync<bool>(MarkReadSql, new { id, owner.RecipientType, owner.RecipientId, now });
}
