using MiniApp.Api.Applications;
using MiniApp.Api.Notifications;

namespace MiniApp.Api.Review;

/// <summary>
/// POST /api/staff/applications/{id}/transfer {unionId, note}: hands a waiting application to another union.
/// </summary>
public static class TransferApplication
{
    public sealed record Request(long? UnionId, string? Note);

    private const string Sql = """
        UPDATE applications SET receiving_union_id = @UnionId, routing_rule = 'transferred', version = version + 1,
            updated_at = @Now
        WHERE id = @Id AND version = @Version AND status = 'submitted'
        """;

    private const string UnionExistsSql = "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @UnionId)";

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Handle(long id, Request request,
        StaffContext staff, [AsParameters] ReviewServices services)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (request.UnionId is null) return Problems.Validation("unionId", "请选择转往的工会");
        if (note is null) return Problems.Validation("note", "请填写转办说明");
        if (note.Length > 500) return Problems.Validation("note", "说明不能超过500个字");

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var targetExists = await db.ExecuteScalarAsync<bool>(UnionExistsSql, new { request.UnionId });
        if (!targetExists) return Problems.Validation("unionId", "转往的工会不存在");

        var now = services.UtcNow();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        var row = await ReviewAccess.InScopeAsync(tx, staff, id);
        if (row is null) return await ReviewAccess.NotInScopeAsync(tx, staff, id);
        if (row.ReceivingUnionId == request.UnionId) return Problems.Validation("unionId", "该申请已由这个工会受理");
        var parameters = new { request.UnionId, Now = now, Id = id, row.Version };
        if (row.Status != ApplicationStatuses.Submitted || await tx.ExecuteAsync(Sql, parameters) == 0)
            return ApplicationProblems.StateChanged();
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "application.transferred", "application", id,
            new { fromUnionId = row.ReceivingUnionId, toUnionId = request.UnionId, note }), now);
        await ApplicationNotifications.WriteAsync(connection, transaction, id,
            NotificationKinds.ApplicationTransferred, now, services.Cancellation);
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(await ApplicationRow.LoadViewAsync(db, id));
    }
}
