namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/form4.xlsx?township=&amp;department=: 附件4 重点建会企业情况表. Rows: every key
/// enterprise (any key flag) in scope, whatever its status, so finished ones show their 完成时间; and every enterprise
/// with 100 or more staff not yet established. 进度节点 is the formation step reached (未开始 before the first).
/// </summary>
public static class ExportForm4
{
    public static readonly string[] Headers =
    [
        "序号", "乡镇(街道)", "企业名称", "职工人数", "重点类别", "挂联领导/单位", "责任部门", "建会状态", "进度节点",
        "计划建会时间", "完成时间",
    ];

    private static readonly EnterpriseForm Form = new("附件4", "附件4_重点建会企业情况表",
        "(" + EnterpriseFilter.AnyKeySql + " OR (e.staff_count >= @Hundred AND e.union_status <> 'established'))",
        Headers, Cells);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? township, string? department,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services) =>
        Form.ExportAsync(township, department, scope, services);

    private static object?[] Cells(EnterpriseRow e, int serial) =>
    [
        serial, e.TownshipName, e.Name, e.StaffCount, e.Keys.Names("、"), e.Liaison, e.DepartmentName,
        EnterpriseCatalog.UnionStatuses.NameOf(e.UnionStatus), e.CurrentStepName ?? "未开始",
        EnterpriseSheets.Date(e.PlannedOn), EnterpriseSheets.Date(e.UnionEstablishedOn),
    ];
}
