namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// The reference lists a report is laid out by, in their sort order: the townships of 新平, the worker groups, the
/// responsible departments and which groups each department leads (a group may have two).
/// </summary>
public sealed class CoverageReference
{
    public const string NoDepartment = "";
    public const string NoDepartmentName = "未指定部门";

    private const string Sql = """
        SELECT code, name FROM regions WHERE level = 'township' AND parent_code = '530427' ORDER BY sort_order, code;
        SELECT code, name FROM worker_groups ORDER BY sort_order, code;
        SELECT code, name FROM departments ORDER BY sort_order, code;
        SELECT department_code, worker_group_code FROM department_worker_groups;
        """;

    public sealed record Item(string Code, string Name);

    private sealed record Link(string DepartmentCode, string WorkerGroupCode);

    private CoverageReference(List<Item> townships, List<Item> groups, List<Item> departments, List<Link> links)
    {
        Townships = townships;
        Groups = groups;
        Departments = departments;
        var order = departments.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        DepartmentsOfGroup = links.GroupBy(l => l.WorkerGroupCode).ToDictionary(g => g.Key, g =>
            (IReadOnlyList<string>)g.Select(l => l.DepartmentCode)
                .OrderBy(c => order.GetValueOrDefault(c, int.MaxValue)).ToList());
        GroupsOfDepartment = links.GroupBy(l => l.DepartmentCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.WorkerGroupCode).ToList());
    }

    public IReadOnlyList<Item> Townships { get; }
    public IReadOnlyList<Item> Groups { get; }
    public IReadOnlyList<Item> Departments { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DepartmentsOfGroup { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupsOfDepartment { get; }

    /// <summary>The departments a group's figures count under; a group no department leads counts under 未指定部门.
    /// </summary>
    public IReadOnlyList<string> DepartmentsOf(string groupCode) =>
        DepartmentsOfGroup.TryGetValue(groupCode, out var departments) ? departments : [NoDepartment];

    public string TownshipName(string code) => Townships.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    public string GroupName(string code) => Groups.FirstOrDefault(g => g.Code == code)?.Name ?? code;

    public string DepartmentName(string code) =>
        code == NoDepartment ? NoDepartmentName : Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    /// <summary>Township or group by code or Chinese name, as people write them in a spreadsheet.</summary>
    public Item? FindTownship(string text) => Find(Townships, text);

    public Item? FindGroup(string text) => Find(Groups, text);

    private static Item? Find(IReadOnlyList<Item> items, string text)
    {
        var value = text.Trim();
        return items.FirstOrDefault(i =>
            string.Equals(i.Code, value, StringComparison.OrdinalIgnoreCase) || i.Name == value);
    }

    public static async Task<CoverageReference> LoadAsync(Db db)
    {
        await using var results = await db.QueryMultipleAsync(Sql);
        var townships = (await results.ReadAsync<Item>()).ToList();
        var groups = (await results.ReadAsync<Item>()).ToList();
        var departments = (await results.ReadAsync<Item>()).ToList();
        var links = (await results.ReadAsync<Link>()).ToList();
        return new CoverageReference(townships, groups, departments, links);
    }
}
