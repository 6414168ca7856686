namespace MiniApp.Api.Stations;

/// <summary>PUT /api/staff/stations/{id}: replaces every editable field (not the code, not the status) of a station in scope.</summary>
public static class UpdateStation
{
    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, StationInput request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FacilityCatalog facilities, StationIndex index, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await StationAccess.EditorAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var catalog = await facilities.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var version = await StationWrites.NextVersionAsync(connection, transaction, cancellationToken);
            var existing = await StationAccess.InScopeAsync(connection, transaction, staff, id, cancellationToken);
            if (existing is null) return StationProblems.NotFound();
            var errors = new FieldErrors();
            var draft = StationRules.Check(request, existing.Code, errors);
            if (draft is null) return Problems.Validation(errors.ToDictionary());
            var unionId = draft.OwningUnionId ?? existing.OwningUnionId;
            var references = await StationReferences.LoadAsync(connection, [draft.RegionCode], [unionId], catalog, cancellationToken,
                transaction);
            references.Check(draft, unionId, staff, errors);
            if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

            var changed = StationWrites.ChangedFields(existing, draft, unionId, status: null);
            if (changed.Length == 0) return TypedResults.Ok(existing.ToView(WeeklySchedule.MinuteOfWeek(clock.GetUtcNow())));
            await StationWrites.UpdateAsync(connection, transaction, id, draft, unionId, status: null, version, now, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "station.updated", "station", id,
                new { code = existing.Code, changed }, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await index.RefreshAfterWriteAsync(cancellationToken);
        return TypedResults.Ok(await StationReads.ViewAsync(connection, id, clock, cancellationToken));
    }
}
