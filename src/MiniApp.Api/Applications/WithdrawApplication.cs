using MiniApp.Api.Coverage;

namespace MiniApp.Api.Applications;

/// <summary>POST /api/applications/{id}/withdraw: only the worker's own, only while it waits for review.</summary>
public static class WithdrawApplication
{
    private const string Sql = """
        UPDATE applications SET status = 'withdrawn', version = version + 1, updated_at = @Now
        WHERE id = @Id AND user_id = @UserId AND status = 'submitted'
        """;

    private const string OwnedSql =
        "SELECT EXISTS (SELECT 1 FROM applications WHERE id = @id AND user_id = @userId)";

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id,
        ClaimsPrincipal principal, [AsParameters] ApplicationServices services)
    {
        var userId = principal.UserId();
        var now = services.Clock.GetUtcNow().UtcDateTime;
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        if (await tx.ExecuteAsync(Sql, new { Id = id, UserId = userId, Now = now }) == 0)
        {
            var owned = await tx.ExecuteScalarAsync<bool>(OwnedSql, new { id, userId });
            return owned ? ApplicationProblems.StateChanged() : ApplicationProblems.NotFound();
        }
        await CoverageJournal.WithdrawnAsync(tx, id, now);
        await AuditLog.WriteAsync(tx, AuditEntry.ByWorker(userId, "application.withdrawn", "application", id), now);
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(db, id));
    }
}
