namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/form4.xlsx?township=&amp;department=: 附件4 重点建会企业情况表. Rows: every key enterprise
/// (any key flag) in scope, whatever its status, so finished ones show their 完成时间; and every enterprise with 100 or
/// more staff not yet established. 进度节点 is the formation step reached (未开始 before the first).
/// </summary>
public static class ExportForm4
{
    public static readonly string[] Headers =
        ["序号", "乡镇(街道)", "企业名称", "职工人数", "重点类别", "挂联领导/单位", "责任部门", "建会状态", "进度节点", "计划建会时间", "完成时间"];

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
        parameters.Add("Limit", ExportForm1.MaxRows);
        var rows = (await connection.QueryAsync<EnterpriseRow>(new CommandDefinition(EnterpriseRow.SelectSql + where
            + " AND (" + EnterpriseFilter.AnyKeySql + " OR (e.staff_count >= @Hundred AND e.union_status <> 'established'))"
            + EnterpriseFilter.OrderBy + " LIMIT @Limit", parameters, cancellationToken: cancellationToken))).ToList();
        var table = EnterpriseSheets.Table(Headers, rows.Select((e, index) => new object?[]
        {
            index + 1, e.TownshipName, e.Name, e.StaffCount, e.Keys.Names("、"), e.Liaison, e.DepartmentName,
            EnterpriseCatalog.UnionStatuses.NameOf(e.UnionStatus), e.CurrentStepName ?? "未开始", EnterpriseSheets.Date(e.PlannedOn),
            EnterpriseSheets.Date(e.UnionEstablishedOn),
        }));
        var place = rows.Count > 0 && filter.Township is not null ? "_" + rows[0].TownshipName : "";
        return await EnterpriseSheets.FileAsync(table, "附件4", $"附件4_重点建会企业情况表{place}_{ChinaTime.Today(clock):yyyyMMdd}.xlsx",
            cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
