using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// The reference lists a register row points into: townships of the county, departments, worker groups.
/// </summary>
public sealed record EnterpriseReferences(CodeList Townships, CodeList Departments, CodeList WorkerGroups)
{
    private const string Sql = """
        SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort_order, code;
        SELECT code, name FROM departments ORDER BY sort_order, code;
        SELECT code, name FROM worker_groups ORDER BY sort_order, code;
        """;

    public static async Task<EnterpriseReferences> LoadAsync(Db db)
    {
        await using var results = await db.QueryMultipleAsync(Sql);
        return new EnterpriseReferences(new CodeList(await results.ReadAsync<CodeName>()),
            new CodeList(await results.ReadAsync<CodeName>()), new CodeList(await results.ReadAsync<CodeName>()));
    }

    public void Check(EnterpriseDraft draft, FieldErrors errors)
    {
        if (!Townships.IsKnown(draft.TownshipCode)) errors.Add("townshipCode", "请选择新平县的乡镇（街道）");
        if (draft.DepartmentCode is not null && !Departments.IsKnown(draft.DepartmentCode))
            errors.Add("departmentCode", "责任部门不在部门名单中");
        foreach (var group in draft.WorkerGroups ?? [])
        {
            if (!WorkerGroups.IsKnown(group.Code)) errors.Add("workerGroups", $"未知的职工群体：{group.Code}");
        }
    }
}
