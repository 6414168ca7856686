namespace MiniApp.Api.Enterprises.Formation;

/// <summary>One configurable formation step type (摸底走访, 提示函, ... 建会完成), in its place in the order.</summary>
public sealed record StepType(string Code, string Name, int SortOrder, bool IsFinal, bool Active, bool MarksForming)
{
    private const string Sql = """
        SELECT code, name, sort_order, is_final, active, marks_forming
        FROM formation_step_types ORDER BY sort_order, code
        """;

    public static async Task<IReadOnlyList<StepType>> LoadAsync(Db db, bool forUpdate = false) =>
        (await db.QueryAsync<StepType>(forUpdate ? Sql + " FOR UPDATE" : Sql)).ToList();
}
