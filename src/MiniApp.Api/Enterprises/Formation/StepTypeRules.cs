using System.Text.RegularExpressions;

namespace MiniApp.Api.Enterprises.Formation;

public sealed record StepTypeInput(string? Code, string? Name, bool? Active, bool? IsFinal, bool? MarksForming);

/// <summary>
/// The rules of the step-type list, without the database: names given and distinct, exactly one final type, last in the
/// order and active, at most one type marking the start of 筹建中 (not the final one). Messages keyed by JSON path.
/// </summary>
public static partial class StepTypeRules
{
    public const int MaxTypes = 30;
    public const int MaxNameLength = 32;

    public static IReadOnlyList<StepType>? Check(IReadOnlyList<StepTypeInput?>? input,
        Dictionary<string, string[]> errors, Func<string> newCode)
    {
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var list) ? [.. list, message] : [message];
        if (input is null || input.Count == 0)
        {
            Add("types", "请至少保留一个建会步骤");
            return null;
        }
        if (input.Count > MaxTypes) Add("types", $"建会步骤最多{MaxTypes}个");
        var result = new List<StepType>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var item = input[i] ?? new StepTypeInput(null, null, null, null, null);
            var field = $"types[{i}]";
            var code = string.IsNullOrWhiteSpace(item.Code) ? newCode() : item.Code.Trim();
            if (!CodePattern().IsMatch(code)) Add(field + ".code", "步骤编码为2至32位小写字母、数字或下划线，以字母开头");
            else if (!codes.Add(code)) Add(field + ".code", "步骤编码重复");
            var name = item.Name?.Trim() ?? "";
            if (name.Length == 0) Add(field + ".name", "请填写步骤名称");
            else if (name.Length > MaxNameLength) Add(field + ".name", $"步骤名称不能超过{MaxNameLength}个字");
            else if (!names.Add(name)) Add(field + ".name", "步骤名称重复");
            var isFinal = item.IsFinal == true;
            var active = item.Active ?? true;
            var marksForming = item.MarksForming == true;
            if (isFinal && i != input.Count - 1) Add(field + ".isFinal", "最终步骤（建会完成）须排在最后");
            if (isFinal && !active) Add(field + ".active", "最终步骤（建会完成）不能停用");
            if (isFinal && marksForming) Add(field + ".marksForming", "最终步骤不能标记为筹建开始");
            result.Add(new StepType(code, name, i + 1, isFinal, active, marksForming));
        }
        if (result.Count(t => t.IsFinal) != 1) Add("types", "须有且只有一个最终步骤（建会完成）");
        if (result.Count(t => t.MarksForming) > 1) Add("types", "只能有一个步骤标记为筹建开始（如筹备组成立）");
        return errors.Count > 0 ? null : result;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,31}$")]
    private static partial Regex CodePattern();
}
