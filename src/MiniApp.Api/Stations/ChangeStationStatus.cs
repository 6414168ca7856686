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

    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, StationIndex index, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await StationAccess.EditorAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        if (!StationCatalog.Statuses.IsKnown(request.Status)) return Problems.Validation("status", "站点状态只能是 active（正常）、suspended（暂停服务）或 closed（已关闭）");

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var version = await StationWrites.NextVersionAsync(connection, transaction, cancellationToken);
            var existing = await StationAccess.InScopeAsync(connection, transaction, staff, id, cancellationToken);
            if (existing is null) return StationProblems.NotFound();
            if (existing.Status == request.Status) return TypedResults.Ok(existing.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow())));
            if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { To = request.Status, Version = version, Now = now, Id = id, From = existing.Status },
                    transaction, cancellationToken: cancellationToken)) == 0)
                return StationProblems.StateChanged();
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "station.status_changed", "station", id,
                new { code = existing.Code, from = existing.Status, to = request.Status }, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await index.RefreshAfterWriteAsync(cancellationToken);
        return TypedResults.Ok(await StationReads.ViewAsync(connection, id, clock, cancellationToken));
    }
}
