namespace MiniApp.Api.Notifications;

public static class NotificationKinds
{
    public const string ApplicationApproved = "application_approved";
    public const string ApplicationRejected = "application_rejected";
    public const string ApplicationTransferred = "application_transferred";
    public const string ReviewDigest = "review_digest";
    public const string SlaReminder = "sla_reminder";
    public const string SlaEscalation = "sla_escalation";
    public const string InfoReminder = "info_reminder";
}

public static class TemplateKeys
{
    public const string ApplicationResult = "ApplicationResult";
    public const string ReviewReminder = "ReviewReminder";
}

public static class Recipients
{
    public const string Worker = "worker";
    public const string Staff = "staff";
}

/// <summary>
/// One notification: the inbox text and the logical fields of its subscribe message. Fields never carry the 身份证号 or
/// the phone; the dispatcher maps them onto the template's keys and shortens them to WeChat's limits.
/// </summary>
public sealed record Notification(
    string Kind, string RecipientType, long RecipientId, string TemplateKey, string Title, string Body,
    IReadOnlyDictionary<string, string> Fields, long? ApplicationId = null, string? Page = null, string? DedupeKey = null);

/// <summary>
/// Writes a notification inside the caller's transaction: the outbox row (what the dispatcher sends through WeChat)
/// and the inbox message, so the change and its notice commit together or not at all.
/// </summary>
public static class Outbox
{
    private const string InsertOutboxSql = """
        INSERT IGNORE INTO notification_outbox (kind, recipient_type, recipient_id, template_key, fields, dedupe_key, status,
            next_attempt_at, created_at, updated_at)
        VALUES (@Kind, @RecipientType, @RecipientId, @TemplateKey, @Fields, @DedupeKey, 'pending', @Now, @Now, @Now)
        """;

    private const string InsertMessageSql = """
        INSERT INTO messages (recipient_type, recipient_id, outbox_id, kind, title, body, page, application_id, created_at)
        VALUES (@RecipientType, @RecipientId, @OutboxId, @Kind, @Title, @Body, @Page, @ApplicationId, @Now)
        """;

    /// <summary>False when a notification with the same dedupe key exists already (a reminder sent before).</summary>
    public static async Task<bool> WriteAsync(DbConnection connection, DbTransaction transaction, Notification notification,
        DateTime now, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertOutboxSql, new
        {
            notification.Kind, notification.RecipientType, notification.RecipientId, notification.TemplateKey,
            Fields = JsonSerializer.Serialize(notification.Fields, JsonOptions), notification.DedupeKey, Now = now,
        }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0) return false;
        var outboxId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT LAST_INSERT_ID()", transaction: transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertMessageSql, new
        {
            notification.RecipientType, notification.RecipientId, OutboxId = outboxId, notification.Kind,
            Title = Dispatch.SubscribeValues.Truncate(notification.Title, 60), Body = Dispatch.SubscribeValues.Truncate(notification.Body, 480), notification.Page,
            notification.ApplicationId, Now = now,
        }, transaction, cancellationToken: cancellationToken));
        return true;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
