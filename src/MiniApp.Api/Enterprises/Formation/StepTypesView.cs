namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// A step type as the configuration page shows it; inUse: recorded on some enterprise, so it can be renamed or
/// deactivated but not removed.
/// </summary>
public sealed record StepTypeView(string Code, string Name, int SortOrder, bool IsFinal, bool Active, bool MarksForming,
    bool InUse);

public sealed record StepTypesResponse(IReadOnlyList<StepTypeView> Types)
{
    private const string InUseSql = """
        SELECT step_type_code FROM enterprise_formation_steps
        UNION SELECT current_step_code FROM enterprises WHERE current_step_code IS NOT NULL
        """;

    public static async Task<IReadOnlySet<string>> InUseAsync(Db db) =>
        (await db.QueryAsync<string>(InUseSql)).ToHashSet(StringComparer.Ordinal);

    public static async Task<StepTypesResponse> LoadAsync(Db db)
    {
        var types = await StepType.LoadAsync(db);
        var inUse = await InUseAsync(db);
        return new StepTypesResponse(types.Select(t => new StepTypeView(t.Code, t.Name, t.SortOrder, t.IsFinal,
            t.Active, t.MarksForming, inUse.Contains(t.Code))).ToList());
    }
}
