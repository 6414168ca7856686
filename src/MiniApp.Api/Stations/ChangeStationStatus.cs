namespace MiniApp.Api.Stations;

/// <summary>
/// POST /api/staff/stations/{id}/status {status}: active, suspended (暂停服务) or closed. Closing keeps the row for
/// history (applications and printed QR codes point at it); a closed station can be reopened. Asking for the status it
/// already has changes nothing.
/// </summary>
public static class ChangeStationStatus
{
    public sealed record Request(string? Status);

    private const string Sql = """
        UPDATE stations SET status = @To, change_version = @Version, updated_at = @Now
        WHERE id = @Id AND status = @From
        """;

    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, Request request,
        StaffContext staff, [AsParameters] StationServices services)
    {
        if (!StationCatalog.Statuses.IsKnown(request.Status))
            return Problems.Validation("status", "站点状态只能是 active（正常）、suspended（暂停服务）或 closed（已关闭）");

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var now = services.UtcNow();
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var tx = db.In(transaction);
            var version = await StationWrites.NextVersionAsync(tx);
            var existing = await StationAccess.InScopeAsync(tx, staff, id);
            if (existing is null) return StationProblems.NotFound();
            if (existing.Status == request.Status) return TypedResults.Ok(existing.ToView(services.MinuteOfWeek()));
            var parameters = new { To = request.Status, Version = version, Now = now, Id = id, From = existing.Status };
            if (await tx.ExecuteAsync(Sql, parameters) == 0) return StationProblems.StateChanged();
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "station.status_changed", "station", id,
                new { code = existing.Code, from = existing.Status, to = request.Status }), now);
            await transaction.CommitAsync(services.Cancellation);
        }
        await services.Index.RefreshAfterWriteAsync(services.Cancellation);
        return TypedResults.Ok(await StationReads.ViewAsync(db, id, services.Clock));
    }
}
