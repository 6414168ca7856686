namespace MiniApp.Api.Surveys;

/// <summary>How a group is covered by unions (覆盖方式): 单独建, 联合建, 行业建, 区域建.</summary>
public static class CoverageModes
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("single", "单独建"), ("joint", "联合建"), ("industry", "行业建"), ("regional", "区域建"),
    ];

    /// <summary>The code of a mode written as its code or Chinese name (单独建会 and 单独 too); null when unknown.</summary>
    public static string? Find(string text)
    {
        var value = text.Trim();
        foreach (var (code, name) in All)
        {
            if (string.Equals(code, value, StringComparison.OrdinalIgnoreCase)
                || value == name || value == name + "会" || value == name[..2])
            {
                return code;
            }
        }
        return null;
    }

    public static string? NameOf(string? code) => All.FirstOrDefault(m => m.Code == code).Name;
}
