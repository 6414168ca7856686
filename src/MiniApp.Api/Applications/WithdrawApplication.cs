using MiniApp.Api.Coverage;

namespace MiniApp.Api.Applications;

/// <summary>POST /api/applications/{id}/withdraw: only the worker's own, only while it waits for review.</summary>
public static class WithdrawApplication
{
    private const string Sql = """
        UPDATE applications SET status = 'withdrawn', version = version + 1, updated_at = @Now
        WHERE id = @Id AND user_id = @UserId AND status = 'submitted'
        """;

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, UserId = userId, Now = now }, transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            var owned = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM applications WHERE id = @id AND user_id = @userId)", new { id, userId }, transaction,
                cancellationToken: cancellationToken));
            return owned ? ApplicationProblems.StateChanged() : ApplicationProblems.NotFound();
        }
        await CoverageJournal.WithdrawnAsync(connection.Db(transaction, cancellationToken), id, now);
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByWorker(userId, "application.withdrawn", "application", id), now);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(connection, id, cancellationToken));
    }
}
