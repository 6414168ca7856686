using MiniApp.Api.Applications;
using MiniApp.Api.Notifications;

namespace MiniApp.Api.Review;

/// <summary>POST /api/staff/applications/{id}/transfer {unionId, note}: hands a waiting application to another union.</summary>
public static class TransferApplication
{
    public sealed record Request(long? UnionId, string? Note);

    private const string Sql = """
        UPDATE applications SET receiving_union_id = @UnionId, routing_rule = 'transferred', version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (request.UnionId is null) return Problems.Validation("unionId", "请选择转往的工会");
        if (note is null) return Problems.Validation("note", "请填写转办说明");
        if (note.Length > 500) return Problems.Validation("note", "说明不能超过500个字");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await ReviewAccess.ReviewerAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var targetExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @UnionId)", new { request.UnionId }, cancellationToken: cancellationToken));
        if (!targetExists) return Problems.Validation("unionId", "转往的工会不存在");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await ReviewAccess.InScopeAsync(connection, transaction, staff, id, cancellationToken);
        if (row is null)
            return await ReviewAccess.WasTransferredAwayAsync(connection, transaction, staff, id, cancellationToken)
                ? ApplicationProblems.StateChanged()
                : ApplicationProblems.NotFound();
        if (row.ReceivingUnionId == request.UnionId) return Problems.Validation("unionId", "该申请已由这个工会受理");
        if (row.Status != "submitted" || await connection.ExecuteAsync(new CommandDefinition(Sql,
                new { request.UnionId, Now = now, Id = id, row.Version }, transaction, cancellationToken: cancellationToken)) == 0)
            return ApplicationProblems.StateChanged();
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staff.Id, "application.transferred", "application", id, new { fromUnionId = row.ReceivingUnionId, toUnionId = request.UnionId, note }), now);
        await ApplicationNotifications.WriteAsync(connection, transaction, id, NotificationKinds.ApplicationTransferred, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(connection, id, cancellationToken));
    }
}
