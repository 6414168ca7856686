namespace MiniApp.Api.Enterprises;

/// <summary>
/// The register fields of an enterprise, as staff send them (create, update) or an import row yields them.
/// contactPhone: null keeps the stored number, "" clears it, the masked form shown to staff also keeps it.
/// workerGroups: null keeps the stored list, [] clears it. keyFlags: codes of <see cref="EnterpriseCatalog.KeyFlags"/>.
/// version: required on update, the value last read (optimistic concurrency).
/// </summary>
public sealed record EnterpriseInput(
    string? Name,
    string? CreditCode,
    string? TownshipCode,
    string? Address,
    string? Industry,
    string? OwnershipType,
    bool? InIndustrialPark,
    int? StaffCount,
    int? FemaleStaffCount,
    int? MigrantStaffCount,
    string? LegalRepresentative,
    string? ContactName,
    string? ContactPhone,
    string? DepartmentCode,
    string? Liaison,
    IReadOnlyList<string>? KeyFlags,
    IReadOnlyList<WorkerGroupCount>? WorkerGroups,
    string? UnionStatus,
    string? UnionName,
    string? UnionChair,
    DateOnly? UnionEstablishedOn,
    int? MemberCount,
    string? NoUnionReason,
    DateOnly? PlannedOn,
    string? Note,
    int? Version);

/// <summary>A worker group the enterprise employs (worker_groups code) and how many.</summary>
public sealed record WorkerGroupCount(string Code, int Headcount);

/// <summary>The four key categories of the work plan, as the four columns store them.</summary>
public sealed record KeyFlagSet(bool NpcCppcc, bool TopPrivate, bool TopEntrepreneur, bool YuxiIndustrial)
{
    public bool Any => NpcCppcc || TopPrivate || TopEntrepreneur || YuxiIndustrial;

    public IReadOnlyList<string> Codes() =>
        new[]
            {
                ("npc_cppcc", NpcCppcc), ("top_private", TopPrivate), ("top_entrepreneur", TopEntrepreneur),
                ("yuxi_industrial", YuxiIndustrial),
            }
            .Where(flag => flag.Item2).Select(flag => flag.Item1).ToArray();

    public string Names(string separator) =>
        string.Join(separator, Codes().Select(code => EnterpriseCatalog.KeyFlags.NameOf(code)));

    public static KeyFlagSet FromCodes(IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        return new KeyFlagSet(set.Contains("npc_cppcc"), set.Contains("top_private"), set.Contains("top_entrepreneur"),
            set.Contains("yuxi_industrial"));
    }
}

/// <summary>
/// An enterprise's fields after the rules: trimmed, codes checked for shape, blanks as null. ContactPhone is the
/// normalised clear number and only meaningful when PhoneChanged; it never leaves the write path.
/// </summary>
public sealed record EnterpriseDraft(
    string Name,
    string CreditCode,
    string TownshipCode,
    string? Address,
    string? Industry,
    string? OwnershipType,
    bool InIndustrialPark,
    int StaffCount,
    int FemaleStaffCount,
    int MigrantStaffCount,
    string? LegalRepresentative,
    string? ContactName,
    bool PhoneChanged,
    string? ContactPhone,
    string? DepartmentCode,
    string? Liaison,
    KeyFlagSet Keys,
    IReadOnlyList<WorkerGroupCount>? WorkerGroups,
    string UnionStatus,
    string? UnionName,
    string? UnionChair,
    DateOnly? UnionEstablishedOn,
    int MemberCount,
    string? NoUnionReason,
    DateOnly? PlannedOn,
    string? Note);
