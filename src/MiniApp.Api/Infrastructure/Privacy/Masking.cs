namespace MiniApp.Api.Infrastructure.Privacy;

/// <summary>
/// De-identified display of personal data for lists and staff screens (身份证 5304**********123X, 手机 138****5678,
/// 姓名 张*). A value of an unexpected shape keeps only its first character, so masking never shows a value in clear.
/// </summary>
public static class Masking
{
    private const char Star = '*';

    // Common two-character surnames: 欧阳娜娜 shows as 欧阳**, as people expect, rather than 欧***.
    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
        "轩辕", "端木", "西门", "南宫", "独孤", "澹台", "公冶", "申屠", "太史", "闻人", "百里", "呼延", "万俟", "赫连",
    ];

    public static string IdNumber(string normalized) =>
        normalized is { Length: 18 }
            ? string.Concat(normalized.AsSpan(0, 4), new string(Star, 10), normalized.AsSpan(14))
            : FirstOnly(normalized);

    public static string Phone(string normalized) =>
        normalized is { Length: 11 }
            ? string.Concat(normalized.AsSpan(0, 3), "****", normalized.AsSpan(7))
            : FirstOnly(normalized);

    public static string Name(string name)
    {
        var elements = TextElements(name);
        if (elements.Count <= 1) return new string(Star, elements.Count);
        var kept = elements.Count > 2 && CompoundSurnames.Contains(elements[0] + elements[1]) ? 2 : 1;
        return string.Concat(elements.Take(kept)) + new string(Star, elements.Count - kept);
    }

    private static string FirstOnly(string? value)
    {
        var elements = TextElements(value);
        return elements.Count switch
        {
            0 => "",
            1 => Star.ToString(),
            _ => elements[0] + new string(Star, elements.Count - 1),
        };
    }

    private static List<string> TextElements(string? value)
    {
        var elements = new List<string>();
        if (string.IsNullOrEmpty(value)) return elements;
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext()) elements.Add(enumerator.GetTextElement());
        return elements;
    }
}
