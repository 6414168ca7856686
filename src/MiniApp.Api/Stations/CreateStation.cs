namespace MiniApp.Api.Stations;

/// <summary>POST /api/staff/stations: a new active station owned by the caller's union or a union below it.</summary>
public static class CreateStation
{
    public static async Task<Results<Created<StationView>, ProblemHttpResult>> Handle(StationInput request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, FacilityCatalog facilities, StationIndex index, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (staff, problem) = await StationAccess.EditorAsync(connection, principal, cancellationToken);
        if (staff is null) return problem!;
        var errors = new FieldErrors();
        var draft = StationRules.Check(request, existingCode: null, errors);
        if (draft is null) return Problems.Validation(errors.ToDictionary());
        var unionId = draft.OwningUnionId ?? staff.UnionId;
        var references = await StationReferences.LoadAsync(connection, [draft.RegionCode], [unionId],
            await facilities.GetAsync(cancellationToken), cancellationToken);
        references.Check(draft, unionId, staff, errors);
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary());

        var now = clock.GetUtcNow().UtcDateTime;
        long id;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var version = await StationWrites.NextVersionAsync(connection, transaction, cancellationToken);
            try
            {
                id = await StationWrites.InsertAsync(connection, transaction, draft, unionId, StationCatalog.Active, version, now, cancellationToken);
            }
            catch (MySqlException exception) when (exception.IsDuplicateKey("ux_stations_code"))
            {
                return StationProblems.CodeTaken(draft.Code);
            }
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Staff, staff.Id, "station.created", "station", id,
                new { code = draft.Code, owningUnionId = unionId }, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await index.RefreshAfterWriteAsync(cancellationToken);
        var view = await StationReads.ViewAsync(connection, id, clock, cancellationToken);
        return TypedResults.Created($"/api/staff/stations/{id}", view);
    }
}
