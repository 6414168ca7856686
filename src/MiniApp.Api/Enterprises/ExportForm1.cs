namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/form1.xlsx?township=&amp;department=: 附件1 百人以上企业建会情况摸底统计表, one row per enterprise
/// in scope with 100 or more staff or any key flag. The columns are the import's, so the file imports back as is; the
/// contact phone is masked (and an import that carries the masked number keeps the stored one).
/// </summary>
public static class ExportForm1
{
    public const int MaxRows = 20_000;

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? township, string? department,
        ClaimsPrincipal principal, MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = new EnterpriseFilter(Blank(township), Blank(department));
        if (filter.Validate() is { } invalid) return invalid;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var (where, parameters) = filter.ToSql(scope);
        parameters.Add("Hundred", EnterpriseCatalog.HundredStaff);
        parameters.Add("Limit", MaxRows);
        var rows = (await connection.QueryAsync<EnterpriseRow>(new CommandDefinition(EnterpriseRow.SelectSql + where
            + " AND (e.staff_count >= @Hundred OR " + EnterpriseFilter.AnyKeySql + ")" + EnterpriseFilter.OrderBy + " LIMIT @Limit", parameters,
            cancellationToken: cancellationToken))).ToList();
        var table = EnterpriseSheets.Table(EnterpriseImportColumns.All.Select(c => c.Header), rows.Select((row, index) => Cells(row, index + 1)));
        var place = rows.Count > 0 && filter.Township is not null ? "_" + rows[0].TownshipName : "";
        return await EnterpriseSheets.FileAsync(table, "附件1",
            $"附件1_百人以上企业建会情况摸底统计表{place}_{ChinaTime.Today(clock):yyyyMMdd}.xlsx", cancellationToken);
    }

    /// <summary>In the order of <see cref="EnterpriseImportColumns.All"/>.</summary>
    private static object?[] Cells(EnterpriseRow e, int serial) =>
    [
        serial, e.TownshipName, e.Name, e.CreditCode, EnterpriseCatalog.OwnershipTypes.NameOf(e.OwnershipType), e.Industry, e.Address,
        e.LegalRepresentative, e.ContactName, e.ContactPhoneMasked, e.StaffCount, e.FemaleStaffCount, e.MigrantStaffCount,
        e.UnionStatus switch { EnterpriseCatalog.Established => "是", EnterpriseCatalog.Forming => "筹建中", _ => "否" },
        EnterpriseSheets.Date(e.UnionEstablishedOn), e.UnionName, e.UnionChair, e.MemberCount, e.NoUnionReason, EnterpriseSheets.Date(e.PlannedOn),
        e.DepartmentName, e.Liaison, EnterpriseSheets.YesNo(e.InIndustrialPark), EnterpriseSheets.YesNo(e.KeyNpcCppcc),
        EnterpriseSheets.YesNo(e.KeyTopPrivate), EnterpriseSheets.YesNo(e.KeyTopEntrepreneur), EnterpriseSheets.YesNo(e.KeyYuxiIndustrial), e.Note,
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
