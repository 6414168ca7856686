using Hangfire;
using MiniApp.Api.Notifications.Subscriptions;
using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>
/// Hangfire job: sends the due outbox rows as subscribe messages. Safe to run on several workers at once and to run
/// again after a crash: rows are claimed with a guarded UPDATE, grants are taken atomically, and a row holding a grant
/// from an earlier failed attempt reuses it instead of taking another.
/// </summary>
public sealed class OutboxDispatchJob(MySqlDataSource dataSource, DeliveryAttempt delivery, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<OutboxDispatchJob> logger)
{
    private const int MaxBatchesPerRun = 20;

    /// <summary>Returns how many rows this run handled.</summary>
    // No Hangfire retries: the next minute's run is the retry, and each row keeps its own backoff.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var dispatch = options.Value.Dispatch;
        var handled = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var batch = 0; batch < MaxBatchesPerRun && !cancellationToken.IsCancellationRequested; batch++)
        {
            var token = Guid.NewGuid().ToString();
            var rows = await OutboxClaims.ClaimAsync(connection, token, clock.GetUtcNow().UtcDateTime, dispatch.ClaimLease, dispatch.BatchSize,
                cancellationToken);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                try
                {
                    await DeliverAsync(connection, token, row, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One bad row must not hold up the batch; its claim lapses and a later run takes it again.
                    OutboxDispatchLog.RowFailed(logger, row.Id, ex);
                }
                handled++;
            }
        }
        return handled;
    }

    private async Task DeliverAsync(MySqlConnection connection, string token, ClaimedNotification row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.Attempts > options.Value.Dispatch.MaxAttempts)
        {
            // Claimed again and again without an outcome (its workers kept failing): stop here.
            OutboxDispatchLog.TooManyAttempts(logger, row.Id, row.Attempts);
            await OutboxClaims.FinishAsync(connection, null, row.Id, token, "dead", row.HoldsGrant, null, "too many attempts", now, cancellationToken);
            return;
        }
        if (!options.Value.Templates.TryGetValue(row.TemplateKey, out var template) || string.IsNullOrWhiteSpace(template.TemplateId))
        {
            await OutboxClaims.FinishAsync(connection, null, row.Id, token, "inbox_only", false, null, "no template configured", now, cancellationToken);
            return;
        }
        var openId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(row.RecipientType == Recipients.Staff
                ? "SELECT openid FROM staff WHERE id = @RecipientId AND disabled = 0"
                : "SELECT openid FROM users WHERE id = @RecipientId", new { row.RecipientId }, cancellationToken: cancellationToken));
        if (string.IsNullOrEmpty(openId))
        {
            await OutboxClaims.FinishAsync(connection, null, row.Id, token, "no_grant", false, null, "no bound WeChat", now, cancellationToken);
            return;
        }
        if (!row.HoldsGrant && !await TakeGrantAsync(connection, token, row, openId, template.TemplateId, now, cancellationToken)) return;

        // The lease was set for the whole batch; renew it for this row, or skip the row if another worker has taken it
        // over after the lease ran out (a slow WeChat can outlast it), so no message goes out twice that way.
        if (!await OutboxClaims.RenewAsync(connection, row.Id, token, now + options.Value.Dispatch.ClaimLease, cancellationToken))
        {
            OutboxDispatchLog.ClaimTakenOver(logger, row.Id);
            return;
        }
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Fields) ?? [];
        var data = template.Fields.ToDictionary(pair => pair.Key, pair => SubscribeValues.Fit(pair.Key, fields.GetValueOrDefault(pair.Value)));
        var message = new SubscribeMessage(openId, template.TemplateId, data, template.Page, template.MiniProgramState);
        var outcome = await delivery.SendAsync(row.Id, row.Attempts, message, cancellationToken);
        await RecordAsync(connection, token, row, openId, template.TemplateId, outcome, cancellationToken);
    }

    /// <summary>Takes a grant and marks the row as holding it, together; false (and the row finished as no_grant) when none is left.</summary>
    private async Task<bool> TakeGrantAsync(MySqlConnection connection, string token, ClaimedNotification row, string openId, string templateId,
        DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await SubscriptionGrants.TryConsumeAsync(connection, transaction, openId, templateId, now, cancellationToken))
        {
            await OutboxClaims.FinishAsync(connection, transaction, row.Id, token, "no_grant", false, null, "no subscription grant", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return false;
        }
        var held = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_outbox SET holds_grant = 1 WHERE id = @Id AND claim_token = @Token", new { row.Id, Token = token }, transaction,
            cancellationToken: cancellationToken));
        if (held == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RecordAsync(MySqlConnection connection, string token, ClaimedNotification row, string openId, string templateId,
        DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (status, holdsGrant) = outcome.Status switch
        {
            DeliveryStatus.Sent => ("sent", false),
            DeliveryStatus.NoGrant => ("no_grant", false),
            DeliveryStatus.Retry => ("pending", true),
            _ => ("dead", false),
        };
        if (!await OutboxClaims.FinishAsync(connection, transaction, row.Id, token, status, holdsGrant, outcome.NextAttemptAt, outcome.Error, now,
                cancellationToken))
        {
            OutboxDispatchLog.ClaimExpired(logger, row.Id);
            await transaction.RollbackAsync(cancellationToken);
            return;
        }
        if (outcome.ClearGrant) await SubscriptionGrants.ClearAsync(connection, transaction, openId, templateId, now, cancellationToken);
        // WeChat refused the message, so the grant taken for it was never spent.
        else if (outcome.GrantUnspent) await SubscriptionGrants.RestoreAsync(connection, transaction, openId, templateId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (outcome.Status == DeliveryStatus.Sent) OutboxDispatchLog.Sent(logger, row.Id, row.Kind);
    }
}
