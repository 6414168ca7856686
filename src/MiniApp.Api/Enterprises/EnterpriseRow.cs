namespace MiniApp.Api.Enterprises;

/// <summary>
/// An enterprises row with the names staff read beside the codes. The sealed phone is never selected here.
/// </summary>
public sealed class EnterpriseRow
{
    public const string SelectSql = """
        SELECT e.id, e.name, e.credit_code, e.township_code, r.name AS township_name, r.sort_order AS township_order,
               e.address, e.industry, e.ownership_type, e.in_industrial_park, e.staff_count, e.female_staff_count,
               e.migrant_staff_count, e.legal_representative, e.contact_name, e.contact_phone_masked,
               e.contact_phone_hash, e.department_code, d.name AS department_name, e.liaison, e.key_npc_cppcc,
               e.key_top_private, e.key_top_entrepreneur, e.key_yuxi_industrial, e.union_status, e.union_id,
               o.name AS union_org_name, e.union_name, e.union_chair, e.union_established_on, e.member_count,
               e.no_union_reason, e.planned_on, e.note, e.current_step_code, st.name AS current_step_name,
               e.step_changed_at, e.version, e.created_at, e.updated_at
        FROM enterprises e
        LEFT JOIN regions r ON r.code = e.township_code
        LEFT JOIN departments d ON d.code = e.department_code
        LEFT JOIN organizations o ON o.id = e.union_id
        LEFT JOIN formation_step_types st ON st.code = e.current_step_code
        """;

    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? CreditCode { get; init; }
    public string? TownshipCode { get; init; }
    public string? TownshipName { get; init; }
    public int? TownshipOrder { get; init; }
    public string? Address { get; init; }
    public string? Industry { get; init; }
    public string? OwnershipType { get; init; }
    public bool InIndustrialPark { get; init; }
    public int StaffCount { get; init; }
    public int FemaleStaffCount { get; init; }
    public int MigrantStaffCount { get; init; }
    public string? LegalRepresentative { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhoneMasked { get; init; }
    public string? ContactPhoneHash { get; init; }
    public string? DepartmentCode { get; init; }
    public string? DepartmentName { get; init; }
    public string? Liaison { get; init; }
    public bool KeyNpcCppcc { get; init; }
    public bool KeyTopPrivate { get; init; }
    public bool KeyTopEntrepreneur { get; init; }
    public bool KeyYuxiIndustrial { get; init; }
    public string UnionStatus { get; init; } = EnterpriseCatalog.None;
    public long? UnionId { get; init; }
    public string? UnionOrgName { get; init; }
    public string? UnionName { get; init; }
    public string? UnionChair { get; init; }
    public DateTime? UnionEstablishedOn { get; init; }
    public int MemberCount { get; init; }
    public string? NoUnionReason { get; init; }
    public DateTime? PlannedOn { get; init; }
    public string? Note { get; init; }
    public string? CurrentStepCode { get; init; }
    public string? CurrentStepName { get; init; }
    public DateTime? StepChangedAt { get; init; }
    public int Version { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public KeyFlagSet Keys => new(KeyNpcCppcc, KeyTopPrivate, KeyTopEntrepreneur, KeyYuxiIndustrial);

    public static DateOnly? Date(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
