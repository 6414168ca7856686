using System.Buffers;

namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>
/// Checks a 统一社会信用代码 by GB 32100-2015: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V, which read
/// like digits) whose last character is a check character over the first 17. Error messages are shown to the worker.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return Fail("请填写统一社会信用代码", out error);
        var value = FullWidth.ToAscii(input).Trim().ToUpperInvariant();
        if (value.Length != 18) return Fail("统一社会信用代码应为18位", out error);
        if (value.AsSpan().ContainsAnyExcept(AlphabetValues))
            return Fail("统一社会信用代码只能由数字和大写字母组成（不含I、O、Z、S、V）", out error);
        if (CheckCharacterOf(value) != value[17]) return Fail("统一社会信用代码校验不通过，请核对是否输入有误", out error);

        normalized = value;
        error = "";
        return true;
    }

    private static char CheckCharacterOf(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(value[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
