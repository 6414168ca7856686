using MiniApp.Api.Notifications.Dispatch;

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

/// <summary>
/// The status of an outbox row (notification_outbox.status), spelled in this one place: the code and the SQL built
/// from these constants name them the same way.
/// </summary>
public static class OutboxStates
{
    /// <summary>Written with its change, waiting for next_attempt_at; also a failed attempt that will be retried.
    /// </summary>
    public const string Pending = "pending";

    /// <summary>Claimed by one dispatcher run (claim_token) until claimed_until.</summary>
    public const string Sending = "sending";

    /// <summary>WeChat accepted the subscribe message (sent_at).</summary>
    public const string Sent = "sent";

    /// <summary>Not sent: no bound WeChat, or no subscribe grant left (WeChat's 43101 included).</summary>
    public const string NoGrant = "no_grant";

    /// <summary>No template configured for it: the inbox message is the whole notice.</summary>
    public const string InboxOnly = "inbox_only";

    /// <summary>WeChat refused it or it ran out of attempts; a county admin may send it again.</summary>
    public const string Dead = "dead";

    /// <summary>Every status, in the order a row passes through them.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Sending, Sent, NoGrant, InboxOnly, Dead];
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

    /// <summary>The openid a recipient's subscribe messages go to (@Id): a worker's, or an enabled staff member's
    /// bound WeChat.</summary>
    public static string OpenIdSql(string recipientType) => recipientType == Staff ? StaffOpenIdSql : WorkerOpenIdSql;

    private const string WorkerOpenIdSql = "SELECT openid FROM users WHERE id = @Id";
    private const string StaffOpenIdSql = "SELECT openid FROM staff WHERE id = @Id AND disabled = 0";
}

/// <summary>
/// One notification: the inbox text and the logical fields of its subscribe message. Fields never carry the 身份证号 or
/// the phone; the dispatcher maps them onto the template's keys and shortens them to WeChat's limits.
/// </summary>
public sealed record Notification(
    string Kind, string RecipientType, long RecipientId, string TemplateKey, string Title, string Body,
    IReadOnlyDictionary<string, string> Fields, long? ApplicationId = null, string? Page = null,
    string? DedupeKey = null);

/// <summary>
/// Writes a notification inside the caller's transaction: the outbox row (what the dispatcher sends through WeChat)
/// and the inbox message, so the change and its notice commit together or not at all.
/// </summary>
public static class Outbox
{
    private const string InsertOutboxSql = $"""
        INSERT IGNORE INTO notification_outbox (kind, recipient_type, recipient_id, template_key, fields, dedupe_key,
            status, next_attempt_at, created_at, updated_at)
        VALUES (@Kind, @RecipientType, @RecipientId, @TemplateKey, @Fields, @DedupeKey, '{OutboxStates.Pending}',
            @Now, @Now, @Now)
        """;

    private const string InsertMessageSql = """
        INSERT INTO messages (recipient_type, recipient_id, outbox_id, kind, title, body, page, application_id,
            created_at)
        VALUES (@RecipientType, @RecipientId, @OutboxId, @Kind, @Title, @Body, @Page, @ApplicationId, @Now)
        """;

    /// <summary>False when a notification with the same dedupe key exists already (a reminder sent before).</summary>
    public static async Task<bool> WriteAsync(Db tx, Notification notification, DateTime now)
    {
        var inserted = await tx.ExecuteAsync(InsertOutboxSql, new
        {
            notification.Kind, notification.RecipientType, notification.RecipientId, notification.TemplateKey,
            Fields = JsonSerializer.Serialize(notification.Fields, JsonOptions), notification.DedupeKey, Now = now,
        });
        if (inserted == 0) return false;
        var outboxId = await tx.ExecuteScalarAsync<long>("SELECT LAST_INSERT_ID()");
        await tx.ExecuteAsync(InsertMessageSql, new
        {
            notification.RecipientType, notification.RecipientId, OutboxId = outboxId, notification.Kind,
            Title = SubscribeValues.Truncate(notification.Title, 60),
            Body = SubscribeValues.Truncate(notification.Body, 480),
            notification.Page, notification.ApplicationId, Now = now,
        });
        return true;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
