using Hangfire;
using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.Notifications.DeadLetters;

/// <summary>POST /api/staff/notifications/{id}/retry: a dead notification goes back to the outbox with fresh attempts
/// (county admins).</summary>
public static class RetryNotification
{
    public sealed record Response(long Id, string Status);

    private const string LockSql = "SELECT status FROM notification_outbox WHERE id = @id FOR UPDATE";

    private const string Sql = $"""
        UPDATE notification_outbox
        SET status = '{OutboxStates.Pending}', attempts = 0, next_attempt_at = @Now, last_error = NULL,
            updated_at = @Now
        WHERE id = @Id AND status = '{OutboxStates.Dead}'
        """;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, StaffContext staff,
        IBackgroundJobClient jobs, [AsParameters] NotificationServices services)
    {
        var now = services.UtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = connection.Db(transaction, services.Cancellation);
        var status = await tx.ExecuteScalarAsync<string?>(LockSql, new { id });
        if (status is null) return ProblemCodes.NotFound.Problem("通知不存在");
        if (status != OutboxStates.Dead || await tx.ExecuteAsync(Sql, new { Id = id, Now = now }) == 0)
            return NotificationProblems.NotDeadCode.Problem();
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "notification.retried", "notification", id), now);
        await transaction.CommitAsync(services.Cancellation);
        try
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception exception) when (DependencyFailures.IsCacheUnavailable(exception))
        {
            // The row is pending again either way: the every-minute dispatch sends it when Redis is back.
        }
        return TypedResults.Ok(new Response(id, OutboxStates.Pending));
    }
}
