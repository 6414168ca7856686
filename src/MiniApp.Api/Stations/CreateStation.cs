namespace MiniApp.Api.Stations;

/// <summary>POST /api/staff/stations: a new active station owned by the caller's union or a union below it.</summary>
public static class CreateStation
{
    public static async Task<Results<Created<StationView>, ProblemHttpResult>> Handle(StationInput request,
        StaffContext staff, [AsParameters] StationServices services)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var errors = new FieldErrors();
        var draft = StationRules.Check(request, existingCode: null, errors);
        if (draft is null) return Problems.Validation(errors.ToDictionary());
        var unionId = draft.OwningUnionId ?? staff.UnionId;
        var references = await StationReferences.LoadAsync(db, [draft.RegionCode], [unionId],
            await services.Facilities.GetAsync(services.Cancellation));
        references.Check(draft, unionId, staff, errors);
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

        var now = services.UtcNow();
        long id;
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var tx = db.In(transaction);
            var version = await StationWrites.NextVersionAsync(tx);
            try
            {
                id = await StationWrites.InsertAsync(tx, new(draft, unionId, StationCatalog.Active, version, now));
            }
            catch (MySqlException exception) when (exception.IsDuplicateKey("ux_stations_code"))
            {
                return StationProblems.CodeTaken(draft.Code);
            }
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "station.created", "station", id,
                new { code = draft.Code, owningUnionId = unionId }), now);
            await transaction.CommitAsync(services.Cancellation);
        }
        await services.Index.RefreshAfterWriteAsync(services.Cancellation);
        var view = await StationReads.ViewAsync(db, id, services.Clock);
        return TypedResults.Created($"/api/staff/stations/{id}", view);
    }
}
