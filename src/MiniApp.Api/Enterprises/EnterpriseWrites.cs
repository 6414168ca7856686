namespace MiniApp.Api.Enterprises;

/// <summary>
/// The statements of register writes. current_step_code and step_changed_at belong to the formation steps: never
/// written here.
/// </summary>
public static class EnterpriseWrites
{
    private const string Columns = """
        name = @Name, credit_code = @CreditCode, township_code = @TownshipCode, address = @Address,
        industry = @Industry, ownership_type = @OwnershipType, in_industrial_park = @InIndustrialPark,
        staff_count = @StaffCount, female_staff_count = @FemaleStaffCount, migrant_staff_count = @MigrantStaffCount,
        legal_representative = @LegalRepresentative, contact_name = @ContactName,
        contact_phone_sealed = CASE WHEN @PhoneChanged = 1 THEN @PhoneSealed ELSE contact_phone_sealed END,
        contact_phone_hash = CASE WHEN @PhoneChanged = 1 THEN @PhoneHash ELSE contact_phone_hash END,
        contact_phone_masked = CASE WHEN @PhoneChanged = 1 THEN @PhoneMasked ELSE contact_phone_masked END,
        department_code = @DepartmentCode, liaison = @Liaison, key_npc_cppcc = @KeyNpcCppcc,
        key_top_private = @KeyTopPrivate, key_top_entrepreneur = @KeyTopEntrepreneur,
        key_yuxi_industrial = @KeyYuxiIndustrial, union_status = @UnionStatus, union_name = @UnionName,
        union_chair = @UnionChair, union_established_on = @UnionEstablishedOn, member_count = @MemberCount,
        no_union_reason = @NoUnionReason, planned_on = @PlannedOn, note = @Note, updated_at = @Now
        """;

    private const string InsertSql =
        "INSERT INTO enterprises SET " + Columns + ", created_at = @Now; SELECT LAST_INSERT_ID();";

    private const string UpdateSql =
        "UPDATE enterprises SET " + Columns + ", version = version + 1 WHERE id = @Id AND version = @Version";

    private const string ReplaceGroupsSql = "DELETE FROM enterprise_worker_groups WHERE enterprise_id = @Id";

    private const string InsertGroupSql = """
        INSERT INTO enterprise_worker_groups (enterprise_id, worker_group_code, headcount)
        VALUES (@Id, @Code, @Headcount)
        """;

    /// <summary>A register row as a write leaves it: the checked draft, the contact phone's stored forms when the draft
    /// changes it, and the time.</summary>
    public sealed record Write(EnterpriseDraft Draft, EnterpriseContactPhone? Phone, DateTime Now);

    public static Task<long> InsertAsync(Db tx, Write write) =>
        tx.ExecuteScalarAsync<long>(InsertSql, Parameters(write, 0, 0));

    /// <summary>False when the row is no longer at the version read (someone else saved it since).</summary>
    public static async Task<bool> UpdateAsync(Db tx, long id, int version, Write write) =>
        await tx.ExecuteAsync(UpdateSql, Parameters(write, id, version)) == 1;

    public static async Task ReplaceGroupsAsync(Db tx, long id, IReadOnlyList<WorkerGroupCount> groups)
    {
        await tx.ExecuteAsync(ReplaceGroupsSql, new { Id = id });
        if (groups.Count == 0) return;
        await tx.ExecuteAsync(InsertGroupSql, groups.Select(g => new { Id = id, g.Code, g.Headcount }).ToArray());
    }

    private static DynamicParameters Parameters(Write write, long id, int version)
    {
        var (draft, phone, now) = write;
        var parameters = new DynamicParameters(new
        {
            Id = id,
            Version = version,
            draft.Name,
            draft.CreditCode,
            draft.TownshipCode,
            draft.Address,
            draft.Industry,
            draft.OwnershipType,
            draft.InIndustrialPark,
            draft.StaffCount,
            draft.FemaleStaffCount,
            draft.MigrantStaffCount,
            draft.LegalRepresentative,
            draft.ContactName,
            PhoneChanged = draft.PhoneChanged || id == 0,
            PhoneSealed = phone?.Sealed,
            PhoneHash = phone?.Hash,
            PhoneMasked = phone?.Masked,
            draft.DepartmentCode,
            draft.Liaison,
            KeyNpcCppcc = draft.Keys.NpcCppcc,
            KeyTopPrivate = draft.Keys.TopPrivate,
            KeyTopEntrepreneur = draft.Keys.TopEntrepreneur,
            KeyYuxiIndustrial = draft.Keys.YuxiIndustrial,
            draft.UnionStatus,
            draft.UnionName,
            draft.UnionChair,
            UnionEstablishedOn = draft.UnionEstablishedOn?.ToDateTime(TimeOnly.MinValue),
            draft.MemberCount,
            draft.NoUnionReason,
            PlannedOn = draft.PlannedOn?.ToDateTime(TimeOnly.MinValue),
            draft.Note,
            Now = now,
        });
        return parameters;
    }
}
