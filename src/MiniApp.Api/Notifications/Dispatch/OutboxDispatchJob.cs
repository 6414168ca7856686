using Hangfire;
using MiniApp.Api.Notifications.Subscriptions;
using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>
/// Hangfire job: sends the due outbox rows as subscribe messages. Safe to run on several workers at once and to run
/// again after a crash: rows are claimed with a guarded UPDATE, grants are taken atomically, and a row holding a grant
/// from an earlier failed attempt reuses it instead of taking another.
/// </summary>
public sealed class OutboxDispatchJob(MySqlDataSource dataSource, DeliveryAttempt delivery,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<OutboxDispatchJob> logger)
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
        var db = connection.Db(cancellationToken);
        for (var batch = 0; batch < MaxBatchesPerRun && !cancellationToken.IsCancellationRequested; batch++)
        {
            var claim = new OutboxClaim(Guid.NewGuid().ToString(), UtcNow(), dispatch.ClaimLease, dispatch.BatchSize);
            var rows = await OutboxClaims.ClaimAsync(db, claim);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                try
                {
                    await DeliverAsync(db, claim.Token, row);
                }
                catch (Exception ex)
                    when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One bad row must not hold up the batch; its claim lapses and a later run takes it again.
                    OutboxDispatchLog.RowFailed(logger, row.Id, ex);
                }
                handled++;
            }
        }
        return handled;
    }

    private async Task DeliverAsync(Db db, string token, ClaimedNotification row)
    {
        var now = UtcNow();
        if (row.Attempts > options.Value.Dispatch.MaxAttempts)
        {
            // Claimed again and again without an outcome (its workers kept failing): stop here.
            OutboxDispatchLog.TooManyAttempts(logger, row.Id, row.Attempts);
            await OutboxClaims.FinishAsync(db, new(row.Id, token, OutboxStates.Dead, now, "too many attempts")
            {
                HoldsGrant = row.HoldsGrant,
            });
            return;
        }
        if (!options.Value.Templates.TryGetValue(row.TemplateKey, out var template)
            || string.IsNullOrWhiteSpace(template.TemplateId))
        {
            var finish = new OutboxFinish(row.Id, token, OutboxStates.InboxOnly, now, "no template configured");
            await OutboxClaims.FinishAsync(db, finish);
            return;
        }
        var openId = await db.ExecuteScalarAsync<string?>(Recipients.OpenIdSql(row.RecipientType),
            new { Id = row.RecipientId });
        if (string.IsNullOrEmpty(openId))
        {
            await OutboxClaims.FinishAsync(db, new(row.Id, token, OutboxStates.NoGrant, now, "no bound WeChat"));
            return;
        }
        var grant = new GrantKey(openId, template.TemplateId);
        if (!row.HoldsGrant && !await TakeGrantAsync(db, token, row, grant, now)) return;

        // The lease was set for the whole batch; renew it for this row, or skip the row if another worker has taken it
        // over after the lease ran out (a slow WeChat can outlast it), so no message goes out twice that way.
        if (!await OutboxClaims.RenewAsync(db, row.Id, token, now + options.Value.Dispatch.ClaimLease))
        {
            OutboxDispatchLog.ClaimTakenOver(logger, row.Id);
            return;
        }
        var outcome = await delivery.SendAsync(row.Id, row.Attempts, Message(row, grant, template), db.Cancellation);
        await RecordAsync(db, token, row, grant, outcome);
    }

    private static SubscribeMessage Message(ClaimedNotification row, GrantKey grant, TemplateOptions template)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Fields) ?? [];
        var data = template.Fields.ToDictionary(pair => pair.Key,
            pair => SubscribeValues.Fit(pair.Key, fields.GetValueOrDefault(pair.Value)));
        return new SubscribeMessage(grant.OpenId, grant.TemplateId, data, template.Page, template.MiniProgramState);
    }

    /// <summary>Takes a grant and marks the row as holding it, together; false (and the row finished as no_grant)
    /// when none is left.</summary>
    private static async Task<bool> TakeGrantAsync(Db db, string token, ClaimedNotification row, GrantKey grant,
        DateTime now)
    {
        await using var transaction = await db.Connection.BeginTransactionAsync(db.Cancellation);
        var tx = db.In(transaction);
        if (!await SubscriptionGrants.TryConsumeAsync(tx, grant, now))
        {
            await OutboxClaims.FinishAsync(tx, new(row.Id, token, OutboxStates.NoGrant, now, "no subscription grant"));
            await transaction.CommitAsync(db.Cancellation);
            return false;
        }
        if (!await OutboxClaims.HoldGrantAsync(tx, row.Id, token))
        {
            await transaction.RollbackAsync(db.Cancellation);
            return false;
        }
        await transaction.CommitAsync(db.Cancellation);
        return true;
    }

    private async Task RecordAsync(Db db, string token, ClaimedNotification row, GrantKey grant,
        DeliveryOutcome outcome)
    {
        var now = UtcNow();
        await using var transaction = await db.Connection.BeginTransactionAsync(db.Cancellation);
        var tx = db.In(transaction);
        var (status, holdsGrant) = outcome.Status switch
        {
            DeliveryStatus.Sent => (OutboxStates.Sent, false),
            DeliveryStatus.NoGrant => (OutboxStates.NoGrant, false),
            DeliveryStatus.Retry => (OutboxStates.Pending, true),
            _ => (OutboxStates.Dead, false),
        };
        var finish = new OutboxFinish(row.Id, token, status, now, outcome.Error)
        {
            HoldsGrant = holdsGrant, NextAttemptAt = outcome.NextAttemptAt,
        };
        if (!await OutboxClaims.FinishAsync(tx, finish))
        {
            OutboxDispatchLog.ClaimExpired(logger, row.Id);
            await transaction.RollbackAsync(db.Cancellation);
            return;
        }
        if (outcome.ClearGrant) await SubscriptionGrants.ClearAsync(tx, grant, now);
        // WeChat refused the message, so the grant taken for it was never spent.
        else if (outcome.GrantUnspent) await SubscriptionGrants.RestoreAsync(tx, grant, now);
        await transaction.CommitAsync(db.Cancellation);
        if (outcome.Status == DeliveryStatus.Sent) OutboxDispatchLog.Sent(logger, row.Id, row.Kind);
    }

    private DateTime UtcNow() => clock.GetUtcNow().UtcDateTime;
}
