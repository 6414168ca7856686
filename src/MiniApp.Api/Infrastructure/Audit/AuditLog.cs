namespace MiniApp.Api.Infrastructure.Audit;

/// <summary>Writes audit rows inside the caller's transaction, so an action and its record commit together.</summary>
public static class AuditLog
{
    public const string Worker = "worker";
    public const string Staff = "staff";

    private const string InsertSql = """
        INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, detail, created_at)
        VALUES (@ActorType, @ActorId, @Action, @EntityType, @EntityId, @Detail, @Now)
        """;

    /// <summary>detail must never carry clear personal data: codes, ids and notes only.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction? transaction, string actorType, long? actorId,
        string action, string entityType, long entityId, object? detail, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            ActorType = actorType,
            ActorId = actorId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonOptions),
            Now = now,
        }, transaction, cancellationToken: cancellationToken));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
