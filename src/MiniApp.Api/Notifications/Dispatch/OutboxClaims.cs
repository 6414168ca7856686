namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>A claimed outbox row, as the dispatcher reads it.</summary>
public sealed record ClaimedNotification(long Id, string Kind, string RecipientType, long RecipientId,
    string TemplateKey, string Fields, int Attempts, bool HoldsGrant);

/// <summary>One run's claim on a batch of due rows: its token, when it was made, how long it holds, how many rows.
/// </summary>
public sealed record OutboxClaim(string Token, DateTime Now, TimeSpan Lease, int Batch)
{
    public DateTime Until => Now + Lease;
}

/// <summary>How a claimed row ends: its status, whether it still holds a grant, when to try again (null: keep the
/// time it has) and what went wrong. Its properties are the parameters of the finishing UPDATE.</summary>
public sealed record OutboxFinish(long Id, string Token, string Status, DateTime Now, string? Error = null)
{
    public bool HoldsGrant { get; init; }

    public DateTime? NextAttemptAt { get; init; }
}

/// <summary>
/// Guarded claims: one UPDATE marks a batch of due rows with this run's token, so two workers never take the same row
/// (InnoDB re-checks the WHERE under the row lock). A claim whose lease ran out (its worker died) may be taken again.
/// </summary>
public static class OutboxClaims
{
    private const string ClaimSql = $"""
        UPDATE notification_outbox
        SET status = '{OutboxStates.Sending}', claim_token = @Token, claimed_until = @Until,
            attempts = attempts + 1, updated_at = @Now
        WHERE (status = '{OutboxStates.Pending}' AND next_attempt_at <= @Now)
            OR (status = '{OutboxStates.Sending}' AND claimed_until < @Now)
        ORDER BY next_attempt_at, id
        LIMIT @Batch
        """;

    private const string ReadSql = """
        SELECT id, kind, recipient_type, recipient_id, template_key, fields, attempts, holds_grant
        FROM notification_outbox WHERE claim_token = @Token ORDER BY id
        """;

    public static async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(Db db, OutboxClaim claim)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.ExecuteAsync(ClaimSql, new { claim.Token, claim.Until, claim.Now, claim.Batch });
                break;
            }
            catch (MySqlException ex)
                when (ex.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout && attempt < 3)
            {
                // Two claimers met on the same rows; one is rolled back. Claim again: the rows the other took no
                // longer qualify.
            }
        }
        return (await db.QueryAsync<ClaimedNotification>(ReadSql, new { claim.Token })).ToList();
    }

    private const string FinishSql = $"""
        UPDATE notification_outbox
        SET status = @Status, holds_grant = @HoldsGrant, next_attempt_at = COALESCE(@NextAttemptAt, next_attempt_at),
            claim_token = NULL, claimed_until = NULL, last_error = @Error, updated_at = @Now,
            sent_at = CASE WHEN @Status = '{OutboxStates.Sent}' THEN @Now ELSE sent_at END
        WHERE id = @Id AND claim_token = @Token
        """;

    /// <summary>Ends this run's claim on the row; false if the lease was lost to another worker meanwhile.</summary>
    public static async Task<bool> FinishAsync(Db db, OutboxFinish finish) =>
        await db.ExecuteAsync(FinishSql, finish) == 1;

    private const string RenewSql = $"""
        UPDATE notification_outbox SET claimed_until = @until
        WHERE id = @id AND claim_token = @token AND status = '{OutboxStates.Sending}'
        """;

    /// <summary>Extends this worker's claim on one row; false when the claim is no longer this worker's.</summary>
    public static async Task<bool> RenewAsync(Db db, long id, string token, DateTime until) =>
        await db.ExecuteAsync(RenewSql, new { id, token, until }) == 1;

    private const string HoldGrantSql = """
        UPDATE notification_outbox SET holds_grant = 1 WHERE id = @Id AND claim_token = @Token
        """;

    /// <summary>Marks the row as holding the grant just taken for it; false when the claim is no longer this
    /// worker's.</summary>
    public static async Task<bool> HoldGrantAsync(Db tx, long id, string token) =>
        await tx.ExecuteAsync(HoldGrantSql, new { Id = id, Token = token }) == 1;
}
