namespace MiniApp.Api.Notifications.Subscriptions;

/// <summary>Whose grants: an openid and one of the templates it may be sent.</summary>
public sealed record GrantKey(string OpenId, string TemplateId);

/// <summary>
/// The one-time subscribe grants we count per openid and template (WeChat reports no count). Every change is one
/// guarded statement or a transaction over the row, so concurrent sends never spend the same grant twice.
/// </summary>
public static class SubscriptionGrants
{
    /// <summary>An accept reported by the mini-program and the same accept pushed by WeChat count once if they meet
    /// within this window.</summary>
    public static readonly TimeSpan MatchWindow = TimeSpan.FromMinutes(10);

    public enum Source { Client, Push }

    private const string EnsureRowSql = """
        INSERT IGNORE INTO subscription_quota (openid, template_id, remaining, updated_at)
        VALUES (@OpenId, @TemplateId, 0, @Now)
        """;

    private const string ConsumeSql = """
        UPDATE subscription_quota SET remaining = remaining - 1, updated_at = @Now
        WHERE openid = @OpenId AND template_id = @TemplateId AND remaining > 0
        """;

    private const string RestoreSql = """
        UPDATE subscription_quota SET remaining = remaining + 1, updated_at = @Now
        WHERE openid = @OpenId AND template_id = @TemplateId
        """;

    private const string ClearSql = """
        UPDATE subscription_quota SET remaining = 0, unmatched_client = 0, unmatched_push = 0, updated_at = @Now
        WHERE openid = @OpenId AND template_id = @TemplateId
        """;

    private const string LockSql = """
        SELECT unmatched_client, unmatched_push, unmatched_at FROM subscription_quota
        WHERE openid = @OpenId AND template_id = @TemplateId FOR UPDATE
        """;

    private const string AcceptSql = """
        UPDATE subscription_quota SET remaining = remaining + @Add, unmatched_client = @NewClient,
            unmatched_push = @NewPush, unmatched_at = @Now, updated_at = @Now
        WHERE openid = @OpenId AND template_id = @TemplateId
        """;

    /// <summary>Takes one grant; false when none is left.</summary>
    public static async Task<bool> TryConsumeAsync(Db db, GrantKey key, DateTime now) =>
        await db.ExecuteAsync(ConsumeSql, Parameters(key, now)) == 1;

    /// <summary>Gives back a grant taken for a message WeChat never accepted.</summary>
    public static Task RestoreAsync(Db db, GrantKey key, DateTime now) =>
        db.ExecuteAsync(RestoreSql, Parameters(key, now));

    /// <summary>WeChat says the user holds none (43101) or turned the template off.</summary>
    public static Task ClearAsync(Db db, GrantKey key, DateTime now) => db.ExecuteAsync(ClearSql, Parameters(key, now));

    /// <summary>
    /// One accept. When the other source reported an accept for the same template within the window that is not yet
    /// matched, this is the same accept seen twice and adds nothing.
    /// </summary>
    public static async Task AddAcceptAsync(Db db, GrantKey key, Source source, DateTime now)
    {
        await using var transaction = await db.Connection.BeginTransactionAsync(db.Cancellation);
        var tx = db.In(transaction);
        var parameters = Parameters(key, now);
        await tx.ExecuteAsync(EnsureRowSql, parameters);
        var row = await tx.QuerySingleAsync<(int UnmatchedClient, int UnmatchedPush, DateTime? UnmatchedAt)>(LockSql,
            parameters);
        var fresh = row.UnmatchedAt is { } at && now - at <= MatchWindow;
        var (client, push) = fresh ? (row.UnmatchedClient, row.UnmatchedPush) : (0, 0);
        var other = source == Source.Client ? push : client;
        var (add, newClient, newPush) = other > 0
            ? (0, source == Source.Client ? client : client - 1, source == Source.Push ? push : push - 1)
            : (1, source == Source.Client ? client + 1 : client, source == Source.Push ? push + 1 : push);
        await tx.ExecuteAsync(AcceptSql, new
        {
            Add = add, NewClient = newClient, NewPush = newPush, key.OpenId, key.TemplateId, Now = now,
        });
        await transaction.CommitAsync(db.Cancellation);
    }

    private static object Parameters(GrantKey key, DateTime now) => new { key.OpenId, key.TemplateId, Now = now };
}
