namespace MiniApp.Api.Notifications.Inbox;

public sealed record InboxMessage(long Id, string Kind, string Title, string Body, string? Page, long? ApplicationId,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxPage(IReadOnlyList<InboxMessage> Items, int Unread);

/// <summary>The in-app inbox of a worker or a staff member: newest first, with the count of unread messages.</summary>
public static class Inbox
{
    private sealed record Row(long Id, string Kind, string Title, string Body, string? Page, long? ApplicationId, DateTime CreatedAt, DateTime? ReadAt);

    public static async Task<InboxPage> LoadAsync(MySqlDataSource dataSource, string recipientType, long recipientId, long? before, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, kind, title, body, page, application_id, created_at, read_at FROM messages
            WHERE recipient_type = @recipientType AND recipient_id = @recipientId AND (@before IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """, new { recipientType, recipientId, before, limit }, cancellationToken: cancellationToken));
        var unread = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM messages WHERE recipient_type = @recipientType AND recipient_id = @recipientId AND read_at IS NULL",
            new { recipientType, recipientId }, cancellationToken: cancellationToken));
        return new InboxPage(rows.Select(r => new InboxMessage(r.Id, r.Kind, r.Title, r.Body, r.Page, r.ApplicationId,
            new DateTimeOffset(r.CreatedAt, TimeSpan.Zero), r.ReadAt is { } read ? new DateTimeOffset(read, TimeSpan.Zero) : null)).ToList(), unread);
    }

    /// <summary>False when the message does not exist or is someone else's.</summary>
    public static async Task<bool> MarkReadAsync(MySqlDataSource dataSource, string recipientType, long recipientId, long id, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            UPDATE messages SET read_at = COALESCE(read_at, @now) WHERE id = @id AND recipient_type = @recipientType AND recipient_id = @recipientId;
            SELECT EXISTS (SELECT 1 FROM messages WHERE id = @id AND recipient_type = @recipientType AND recipient_id = @recipientId);
            """, new { id, recipientType, recipientId, now }, cancellationToken: cancellationToken));
    }
}
