namespace MiniApp.Api.Notifications.Subscriptions;

/// <summary>
/// The one-time subscribe grants we count per openid and template (WeChat reports no count). Every change is one
/// guarded statement or a transaction over the row, so concurrent sends never spend the same grant twice.
/// </summary>
public static class SubscriptionGrants
{
    /// <summary>An accept reported by the mini-program and the same accept pushed by WeChat count once if they meet within this window.</summary>
    public static readonly TimeSpan MatchWindow = TimeSpan.FromMinutes(10);

    public enum Source { Client, Push }

    private const string EnsureRowSql = """
        INSERT IGNORE INTO subscription_quota (openid, template_id, remaining, updated_at) VALUES (@OpenId, @TemplateId, 0, @Now)
        """;

    private const string ConsumeSql = """
        UPDATE subscription_quota SET remaining = remaining - 1, updated_at = @Now
        WHERE openid = @OpenId AND template_id = @TemplateId AND remaining > 0
        """;

    /// <summary>Takes one grant; false when none is left.</summary>
    public static async Task<bool> TryConsumeAsync(MySqlConnection connection, MySqlTransaction? transaction, string openId, string templateId,
        DateTime now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(ConsumeSql, new { OpenId = openId, TemplateId = templateId, Now = now },
            transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Gives back a grant taken for a message WeChat never accepted.</summary>
    public static Task RestoreAsync(MySqlConnection connection, MySqlTransaction? transaction, string openId, string templateId,
        DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscription_quota SET remaining = remaining + 1, updated_at = @Now WHERE openid = @OpenId AND template_id = @TemplateId",
            new { OpenId = openId, TemplateId = templateId, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>WeChat says the user holds none (43101) or turned the template off.</summary>
    public static Task ClearAsync(MySqlConnection connection, MySqlTransaction? transaction, string openId, string templateId,
        DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE subscription_quota SET remaining = 0, unmatched_client = 0, unmatched_push = 0, updated_at = @Now
            WHERE openid = @OpenId AND template_id = @TemplateId
            """, new { OpenId = openId, TemplateId = templateId, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// One accept. When the other source reported an accept for the same template within the window that is not yet
    /// matched, this is the same accept seen twice and adds nothing.
    /// </summary>
    public static async Task AddAcceptAsync(MySqlConnection connection, string openId, string templateId, Source source, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { OpenId = openId, TemplateId = templateId, Now = now };
        await connection.ExecuteAsync(new CommandDefinition(EnsureRowSql, key, transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<(int UnmatchedClient, int UnmatchedPush, DateTime? UnmatchedAt)>(new CommandDefinition(
            "SELECT unmatched_client, unmatched_push, unmatched_at FROM subscription_quota WHERE openid = @OpenId AND template_id = @TemplateId FOR UPDATE",
            key, transaction, cancellationToken: cancellationToken));
        var fresh = row.UnmatchedAt is { } at && now - at <= MatchWindow;
        var (client, push) = fresh ? (row.UnmatchedClient, row.UnmatchedPush) : (0, 0);
        var other = source == Source.Client ? push : client;
        var (add, newClient, newPush) = other > 0
            ? (0, source == Source.Client ? client : client - 1, source == Source.Push ? push : push - 1)
            : (1, source == Source.Client ? client + 1 : client, source == Source.Push ? push + 1 : push);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE subscription_quota SET remaining = remaining + @Add, unmatched_client = @NewClient, unmatched_push = @NewPush,
                unmatched_at = @Now, updated_at = @Now
            WHERE openid = @OpenId AND template_id = @TemplateId
            """, new { Add = add, NewClient = newClient, NewPush = newPush, OpenId = openId, TemplateId = templateId, Now = now },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
