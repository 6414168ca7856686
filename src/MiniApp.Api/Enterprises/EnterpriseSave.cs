namespace MiniApp.Api.Enterprises;

/// <summary>
/// Writes one checked enterprise inside the caller's transaction: the row, its worker groups, its union when it becomes
/// established (<see cref="EnterpriseUnion.EnsureAsync"/>, so applications naming it route there at once), and the
/// audit row. Create, update and import all come through here.
/// </summary>
public static class EnterpriseSave
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    /// <summary>How an imported row's audit entry names its way in (a form's names none).</summary>
    public const string ViaImport = "import";

    /// <summary>The unique key that refuses a second enterprise with the same credit code.</summary>
    public const string CreditCodeKey = "ux_enterprises_credit_code";

    /// <summary>Outcome is created, updated, unchanged, or null when before is stale (nothing written).</summary>
    public sealed record Result(long Id, string? Outcome);

    /// <summary>
    /// One checked enterprise to write: the row it replaces (null for a new one), the staff member writing it, the way
    /// it came (null from the form, "import"), and the time.
    /// </summary>
    public sealed record Save(EnterpriseDraft Draft, EnterpriseRow? Before, long StaffId, string? Via, DateTime Now);

    /// <summary>May throw a duplicate-key MySqlException on <see cref="CreditCodeKey"/>.</summary>
    public static Task<Result> SaveAsync(Db tx, FieldProtector protector, Save save)
    {
        var phone = save.Draft.PhoneChanged ? EnterpriseContactPhone.Protect(protector, save.Draft.ContactPhone) : null;
        var write = new EnterpriseWrites.Write(save.Draft, phone, save.Now);
        return save.Before is null ? InsertAsync(tx, save, write) : UpdateAsync(tx, save, save.Before, write);
    }

    /// <summary>
    /// A save from the register form, with its problem: 409 enterprise_credit_code_taken when another enterprise has
    /// the code, 409 enterprise_state_changed when before is stale.
    /// </summary>
    public static async Task<(long Id, ProblemHttpResult? Problem)> SaveFormAsync(Db tx, FieldProtector protector,
        Save save)
    {
        try
        {
            var saved = await SaveAsync(tx, protector, save);
            return (saved.Id, saved.Outcome is null ? EnterpriseProblems.StateChanged() : null);
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey(CreditCodeKey))
        {
            return (0, EnterpriseProblems.CreditCodeTaken(save.Draft.CreditCode));
        }
    }

    private static async Task<Result> InsertAsync(Db tx, Save save, EnterpriseWrites.Write write)
    {
        var draft = save.Draft;
        var id = await EnterpriseWrites.InsertAsync(tx, write);
        if (draft.WorkerGroups is { Count: > 0 } groups) await EnterpriseWrites.ReplaceGroupsAsync(tx, id, groups);
        long? unionId = draft.UnionStatus == EnterpriseCatalog.Established
            ? await EnterpriseUnion.EnsureAsync(tx, id, draft.UnionEstablishedOn!.Value, save.Now)
            : null;
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(save.StaffId, "enterprise.created", "enterprise", id, new
        {
            creditCode = draft.CreditCode, townshipCode = draft.TownshipCode, unionStatus = draft.UnionStatus, unionId,
            via = save.Via,
        }), save.Now);
        return new Result(id, Created);
    }

    private static async Task<Result> UpdateAsync(Db tx, Save save, EnterpriseRow before, EnterpriseWrites.Write write)
    {
        var draft = save.Draft;
        var beforeGroups = draft.WorkerGroups is null ? null : await GroupsAsync(tx, before.Id);
        var changed = ChangedFields(before, beforeGroups, draft, write.Phone);
        var needsUnion = draft.UnionStatus == EnterpriseCatalog.Established && before.UnionId is null;
        if (changed.Length == 0 && !needsUnion) return new Result(before.Id, Unchanged);
        if (!await EnterpriseWrites.UpdateAsync(tx, before.Id, before.Version, write))
            return new Result(before.Id, null);
        if (draft.WorkerGroups is { } replaced && changed.Contains("workerGroups"))
            await EnterpriseWrites.ReplaceGroupsAsync(tx, before.Id, replaced);
        long? unionId = needsUnion
            ? await EnterpriseUnion.EnsureAsync(tx, before.Id, draft.UnionEstablishedOn!.Value, save.Now)
            : null;
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(save.StaffId, "enterprise.updated", "enterprise", before.Id,
            new { creditCode = draft.CreditCode, changed, unionId, via = save.Via }), save.Now);
        return new Result(before.Id, Updated);
    }

    /// <summary>
    /// The fields an update changes, for the audit row and the import result (names only, never values).
    /// </summary>
    public static string[] ChangedFields(EnterpriseRow before, IReadOnlyList<WorkerGroupCount>? beforeGroups,
        EnterpriseDraft after, EnterpriseContactPhone? phone)
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
            || beforeGroups.OrderBy(g => g.Code, StringComparer.Ordinal)
                .SequenceEqual(after.WorkerGroups.OrderBy(g => g.Code, StringComparer.Ordinal)));
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

    private static async Task<IReadOnlyList<WorkerGroupCount>> GroupsAsync(Db tx, long id) =>
        (await tx.QueryAsync<WorkerGroupCount>(
            "SELECT worker_group_code AS code, headcount FROM enterprise_worker_groups WHERE enterprise_id = @id",
            new { id })).ToList();
}
