namespace MiniApp.Api.Stations;

/// <summary>PUT /api/staff/stations/{id}: replaces every editable field (not the code, not the status) of a station
/// in scope.</summary>
public static class UpdateStation
{
    public static async Task<Results<Ok<StationView>, ProblemHttpResult>> Handle(long id, StationInput request,
        StaffContext staff, [AsParameters] StationServices services)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var catalog = await services.Facilities.GetAsync(services.Cancellation);
        var now = services.UtcNow();
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var tx = db.In(transaction);
            var version = await StationWrites.NextVersionAsync(tx);
            var existing = await StationAccess.InScopeAsync(tx, staff, id);
            if (existing is null) return StationProblems.NotFound();
            var errors = new FieldErrors();
            var draft = StationRules.Check(request, existing.Code, errors);
            if (draft is null) return Problems.Validation(errors.ToDictionary());
            var unionId = draft.OwningUnionId ?? existing.OwningUnionId;
            var references = await StationReferences.LoadAsync(tx, [draft.RegionCode], [unionId], catalog);
            references.Check(draft, unionId, staff, errors);
            if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

            var changed = StationWrites.ChangedFields(existing, draft, unionId, status: null);
            if (changed.Length == 0) return TypedResults.Ok(existing.ToView(services.MinuteOfWeek()));
            await StationWrites.UpdateAsync(tx, id, new(draft, unionId, Status: null, version, now));
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "station.updated", "station", id,
                new { code = existing.Code, changed }), now);
            await transaction.CommitAsync(services.Cancellation);
        }
        await services.Index.RefreshAfterWriteAsync(services.Cancellation);
        return TypedResults.Ok(await StationReads.ViewAsync(db, id, services.Clock));
    }
}
