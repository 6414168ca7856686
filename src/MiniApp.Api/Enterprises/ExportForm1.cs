namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/form1.xlsx?township=&amp;department=: 附件1 百人以上企业建会情况摸底统计表, one row per
/// enterprise in scope with 100 or more staff or any key flag. The columns are the import's, so the file imports back
/// as is; the contact phone is masked (and an import that carries the masked number keeps the stored one).
/// </summary>
public static class ExportForm1
{
    private static readonly EnterpriseForm Form = new("附件1", "附件1_百人以上企业建会情况摸底统计表",
        "(e.staff_count >= @Hundred OR " + EnterpriseFilter.AnyKeySql + ")",
        EnterpriseImportColumns.All.Select(c => c.Header), Cells);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? township, string? department,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services) =>
        Form.ExportAsync(township, department, scope, services);

    /// <summary>In the order of <see cref="EnterpriseImportColumns.All"/>.</summary>
    private static object?[] Cells(EnterpriseRow e, int serial) =>
    [
        serial, e.TownshipName, e.Name, e.CreditCode, EnterpriseCatalog.OwnershipTypes.NameOf(e.OwnershipType),
        e.Industry, e.Address, e.LegalRepresentative, e.ContactName, e.ContactPhoneMasked, e.StaffCount,
        e.FemaleStaffCount, e.MigrantStaffCount,
        e.UnionStatus switch { EnterpriseCatalog.Established => "是", EnterpriseCatalog.Forming => "筹建中", _ => "否" },
        EnterpriseSheets.Date(e.UnionEstablishedOn), e.UnionName, e.UnionChair, e.MemberCount, e.NoUnionReason,
        EnterpriseSheets.Date(e.PlannedOn), e.DepartmentName, e.Liaison, EnterpriseSheets.YesNo(e.InIndustrialPark),
        EnterpriseSheets.YesNo(e.KeyNpcCppcc), EnterpriseSheets.YesNo(e.KeyTopPrivate),
        EnterpriseSheets.YesNo(e.KeyTopEntrepreneur), EnterpriseSheets.YesNo(e.KeyYuxiIndustrial), e.Note,
    ];
}
