namespace MiniApp.Api.Infrastructure.Audit;

/// <summary>One audit row: who did what to which record. Detail must never carry clear personal data.</summary>
public sealed record AuditEntry(string ActorType, long? ActorId, string Action, string EntityType, long EntityId)
{
    /// <summary>Codes, ids and notes only; serialised as JSON.</summary>
    public object? Detail { get; init; }

    public static AuditEntry ByStaff(long? staffId, string action, string entityType, long entityId,
        object? detail = null) =>
        new(AuditLog.Staff, staffId, action, entityType, entityId) { Detail = detail };

    public static AuditEntry ByWorker(long? userId, string action, string entityType, long entityId,
        object? detail = null) =>
        new(AuditLog.Worker, userId, action, entityType, entityId) { Detail = detail };
}

/// <summary>Writes audit rows inside the caller's transaction, so an action and its record commit together.</summary>
public static class AuditLog
{
    public const string Worker = "worker";
    public const string Staff = "staff";

    private const string InsertSql = """
        INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, detail, created_at)
        VALUES (@ActorType, @ActorId, @Action, @EntityType, @EntityId, @Detail, @Now)
        """;

    public static Task WriteAsync(Db db, AuditEntry entry, DateTime now) =>
        db.ExecuteAsync(InsertSql, new
        {
            entry.ActorType,
            entry.ActorId,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            Detail = entry.Detail is null ? null : JsonSerializer.Serialize(entry.Detail, JsonOptions),
            Now = now,
        });

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
