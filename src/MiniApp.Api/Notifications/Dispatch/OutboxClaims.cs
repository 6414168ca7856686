namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>A claimed outbox row, as the dispatcher reads it.</summary>
public sealed record ClaimedNotification(long Id, string Kind, string RecipientType, long RecipientId, string TemplateKey, string Fields,
    int Attempts, bool HoldsGrant);

/// <summary>
/// Guarded claims: one UPDATE marks a batch of due rows with this run's token, so two workers never take the same row
/// (InnoDB re-checks the WHERE under the row lock). A claim whose lease ran out (its worker died) may be taken again.
/// </summary>
public static class OutboxClaims
{
    private const string ClaimSql = """
        UPDATE notification_outbox
        SET status = 'sending', claim_token = @Token, claimed_until = @Until, attempts = attempts + 1, updated_at = @Now
        WHERE (status = 'pending' AND next_attempt_at <= @Now) OR (status = 'sending' AND claimed_until < @Now)
        ORDER BY next_attempt_at, id
        LIMIT @Batch
        """;

    private const string ReadSql = """
        SELECT id, kind, recipient_type, recipient_id, template_key, fields, attempts, holds_grant
        FROM notification_outbox WHERE claim_token = @Token ORDER BY id
        """;

    public static async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(MySqlConnection connection, string token, DateTime now,
        TimeSpan lease, int batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(ClaimSql, new { Token = token, Until = now + lease, Now = now, Batch = batch },
                    cancellationToken: cancellationToken));
                break;
            }
            catch (MySqlException ex) when (ex.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout && attempt < 3)
            {
                // Two claimers met on the same rows; one is rolled back. Claim again: the rows the other took no longer qualify.
            }
        }
        return (await connection.QueryAsync<ClaimedNotification>(new CommandDefinition(ReadSql, new { Token = token },
            cancellationToken: cancellationToken))).ToList();
    }

    private const string FinishSql = """
        UPDATE notification_outbox
        SET status = @Status, holds_grant = @HoldsGrant, next_attempt_at = COALESCE(@NextAttemptAt, next_attempt_at),
            claim_token = NULL, claimed_until = NULL, last_error = @Error, updated_at = @Now,
            sent_at = CASE WHEN @Status = 'sent' THEN @Now ELSE sent_at END
        WHERE id = @Id AND claim_token = @Token
        """;

    /// <summary>Ends this run's claim on the row; false if the lease was lost to another worker meanwhile.</summary>
    public static async Task<bool> FinishAsync(MySqlConnection connection, MySqlTransaction? transaction, long id, string token,
        string status, bool holdsGrant, DateTime? nextAttemptAt, string? error, DateTime now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(FinishSql, new
        {
            Id = id, Token = token, Status = status, HoldsGrant = holdsGrant, NextAttemptAt = nextAttemptAt, Error = error, Now = now,
        }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Extends this worker's claim on one row; false when the claim is no longer this worker's.</summary>
    public static async Task<bool> RenewAsync(MySqlConnection connection, long id, string token, DateTime until, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_outbox SET claimed_until = @until WHERE id = @id AND claim_token = @token AND status = 'sending'",
            new { id, token, until }, cancellationToken: cancellationToken)) == 1;
}
