using Hangfire;
using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.Notifications.DeadLetters;

/// <summary>POST /api/staff/notifications/{id}/retry: a dead notification goes back to the outbox with fresh attempts (county admins).</summary>
public static class RetryNotification
{
    public sealed record Response(long Id, string Status);

    private const string Sql = """
        UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = @Now, last_error = NULL, updated_at = @Now
        WHERE id = @Id AND status = 'dead'
        """;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        IBackgroundJobClient jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM notification_outbox WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (status is null) return ProblemCodes.NotFound.Problem("通知不存在");
        if (status != "dead" || await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, Now = now }, transaction,
                cancellationToken: cancellationToken)) == 0)
            return NotificationProblems.NotDeadCode.Problem();
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(principal.StaffId(), "notification.retried", "notification", id), now);
        await transaction.CommitAsync(cancellationToken);
        try
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception exception) when (DependencyFailures.IsCacheUnavailable(exception))
        {
            // The row is pending again either way: the every-minute dispatch sends it when Redis is back.
        }
        return TypedResults.Ok(new Response(id, "pending"));
    }
}
