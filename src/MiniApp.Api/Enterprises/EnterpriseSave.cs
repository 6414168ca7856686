namespace MiniApp.Api.Enterprises;

/// <summary>
/// Writes one checked enterprise inside the caller's transaction: the row, its worker groups, its union when it becomes
/// established (<see cref="EnterpriseUnion.EnsureAsync"/>, so applications naming it route there at once), and the audit row.
/// Create, update and import all come through here.
/// </summary>
public static class EnterpriseSave
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    /// <summary>Outcome is created, updated, unchanged, or null when before is stale (nothing written).</summary>
    public sealed record Result(long Id, string? Outcome);

    /// <summary>May throw a duplicate-key MySqlException on ux_enterprises_credit_code.</summary>
    public static async Task<Result> SaveAsync(DbConnection connection, DbTransaction transaction, EnterpriseDraft draft, EnterpriseRow? before,
        FieldProtector protector, long staffId, string? via, DateTime now, CancellationToken cancellationToken)
    {
        var phone = draft.PhoneChanged ? EnterpriseContactPhone.Protect(protector, draft.ContactPhone) : null;
        if (before is null)
        {
            var id = await EnterpriseWrites.InsertAsync(connection, transaction, draft, phone, now, cancellationToken);
            if (draft.WorkerGroups is { Count: > 0 } groups) await EnterpriseWrites.ReplaceGroupsAsync(connection, transaction, id, groups, cancellationToken);
            long? unionId = draft.UnionStatus == EnterpriseCatalog.Established
                ? await EnterpriseUnion.EnsureAsync(connection, transaction, id, draft.UnionEstablishedOn!.Value, now, cancellationToken)
                : null;
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staffId, "enterprise.created", "enterprise", id, new { creditCode = draft.CreditCode, townshipCode = draft.TownshipCode, unionStatus = draft.UnionStatus, unionId, via }), now);
            return new Result(id, Created);
        }

        var beforeGroups = draft.WorkerGroups is null ? null : await GroupsAsync(connection, transaction, before.Id, cancellationToken);
        var changed = ChangedFields(before, beforeGroups, draft, phone);
        var needsUnion = draft.UnionStatus == EnterpriseCatalog.Established && before.UnionId is null;
        if (changed.Length == 0 && !needsUnion) return new Result(before.Id, Unchanged);
        if (!await EnterpriseWrites.UpdateAsync(connection, transaction, before.Id, before.Version, draft, phone, now, cancellationToken))
            return new Result(before.Id, null);
        if (draft.WorkerGroups is { } replaced && changed.Contains("workerGroups"))
            await EnterpriseWrites.ReplaceGroupsAsync(connection, transaction, before.Id, replaced, cancellationToken);
        long? newUnionId = needsUnion
            ? await EnterpriseUnion.EnsureAsync(connection, transaction, before.Id, draft.UnionEstablishedOn!.Value, now, cancellationToken)
            : null;
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staffId, "enterprise.updated", "enterprise", before.Id, new { creditCode = draft.CreditCode, changed, unionId = newUnionId, via }), now);
        return new Result(before.Id, Updated);
    }

    /// <summary>The fields an update changes, for the audit row and the import result (names only, never values).</summary>
    public static string[] ChangedFields(EnterpriseRow before, IReadOnlyList<WorkerGroupCount>? beforeGroups, EnterpriseDraft after,
        EnterpriseContactPhone? phone)
    {
        var changed = new List<string>();
        void Compare(string field, bool same) { if (!same) changed.Add(field); }
        Compare("name", before.Name == after.Name);
        Compare("creditCode", before.CreditCode == after.CreditCode);
        Compare("townshipCode", before.TownshipCode == after.TownshipCode);
        Compare("address", before.Address == after.Address);
        Compare("industry", before.Industry == after.Industry);
        Compare("ownershipType", before.OwnershipType == after.OwnershipType);
        Compare("inIndustrialPark", before.InIndustrialPark == after.InIndustrialPark);
        Compare("staffCount", before.StaffCount == after.StaffCount);
        Compare("femaleStaffCount", before.FemaleStaffCount == after.FemaleStaffCount);
        Compare("migrantStaffCount", before.MigrantStaffCount == after.MigrantStaffCount);
        Compare("legalRepresentative", before.LegalRepresentative == after.LegalRepresentative);
        Compare("contactName", before.ContactName == after.ContactName);
        Compare("contactPhone", !after.PhoneChanged || before.ContactPhoneHash == phone?.Hash);
        Compare("departmentCode", before.DepartmentCode == after.DepartmentCode);
        Compare("liaison", before.Liaison == after.Liaison);
        Compare("keyFlags", before.Keys == after.Keys);
        Compare("workerGroups", beforeGroups is null || after.WorkerGroups is null
            || beforeGroups.OrderBy(g => g.Code, StringComparer.Ordinal).SequenceEqual(after.WorkerGroups.OrderBy(g => g.Code, StringComparer.Ordinal)));
        Compare("unionStatus", before.UnionStatus == after.UnionStatus);
        Compare("unionName", before.UnionName == after.UnionName);
        Compare("unionChair", before.UnionChair == after.UnionChair);
        Compare("unionEstablishedOn", EnterpriseRow.Date(before.UnionEstablishedOn) == after.UnionEstablishedOn);
        Compare("memberCount", before.MemberCount == after.MemberCount);
        Compare("noUnionReason", before.NoUnionReason == after.NoUnionReason);
        Compare("plannedOn", EnterpriseRow.Date(before.PlannedOn) == after.PlannedOn);
        Compare("note", before.Note == after.Note);
        return changed.ToArray();
    }

    private static async Task<IReadOnlyList<WorkerGroupCount>> GroupsAsync(DbConnection connection, DbTransaction transaction, long id,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<WorkerGroupCount>(new CommandDefinition(
            "SELECT worker_group_code AS code, headcount FROM enterprise_worker_groups WHERE enterprise_id = @id", new { id }, transaction,
            cancellationToken: cancellationToken))).ToList();
}
