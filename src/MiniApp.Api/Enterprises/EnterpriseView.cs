namespace MiniApp.Api.Enterprises;

/// <summary>
/// An enterprise as staff read it. The contact phone only ever appears masked; POST …/reveal-contact opens it, audited.
/// union is the enterprise's own union once it is established (applications naming the enterprise go there).
/// </summary>
public sealed record EnterpriseView(
    long Id,
    string Name,
    string? CreditCode,
    string? TownshipCode,
    string? TownshipName,
    string? Address,
    string? Industry,
    string? OwnershipType,
    string? OwnershipTypeName,
    bool InIndustrialPark,
    int StaffCount,
    int FemaleStaffCount,
    int MigrantStaffCount,
    string? LegalRepresentative,
    string? ContactName,
    string? ContactPhoneMasked,
    string? DepartmentCode,
    string? DepartmentName,
    string? Liaison,
    IReadOnlyList<string> KeyFlags,
    IReadOnlyList<EnterpriseWorkerGroup> WorkerGroups,
    string UnionStatus,
    string UnionStatusName,
    EnterpriseUnionRef? Union,
    string? UnionName,
    string? UnionChair,
    DateOnly? UnionEstablishedOn,
    int MemberCount,
    string? NoUnionReason,
    DateOnly? PlannedOn,
    string? Note,
    string? CurrentStepCode,
    string? CurrentStepName,
    DateTime? StepChangedAt,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static EnterpriseView From(EnterpriseRow row, IReadOnlyList<EnterpriseWorkerGroup> groups) => new(row.Id,
        row.Name, row.CreditCode, row.TownshipCode, row.TownshipName, row.Address, row.Industry, row.OwnershipType,
        EnterpriseCatalog.OwnershipTypes.NameOf(row.OwnershipType), row.InIndustrialPark, row.StaffCount,
        row.FemaleStaffCount, row.MigrantStaffCount, row.LegalRepresentative, row.ContactName, row.ContactPhoneMasked,
        row.DepartmentCode, row.DepartmentName, row.Liaison, row.Keys.Codes(), groups, row.UnionStatus,
        EnterpriseCatalog.UnionStatuses.NameOf(row.UnionStatus) ?? row.UnionStatus,
        row.UnionId is { } unionId ? new EnterpriseUnionRef(unionId, row.UnionOrgName ?? "") : null, row.UnionName,
        row.UnionChair, EnterpriseRow.Date(row.UnionEstablishedOn), row.MemberCount, row.NoUnionReason,
        EnterpriseRow.Date(row.PlannedOn), row.Note,
        row.CurrentStepCode, row.CurrentStepName, row.StepChangedAt, row.Version, row.CreatedAt, row.UpdatedAt);
}

public sealed record EnterpriseWorkerGroup(string Code, string Name, int Headcount);

public sealed record EnterpriseUnionRef(long Id, string Name);
