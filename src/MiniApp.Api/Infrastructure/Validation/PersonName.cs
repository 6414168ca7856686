namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>
/// Normalises a person's name as written on the 身份证: Chinese characters (all CJK extensions), letters, the
/// 间隔号 "·" of minority and foreign names (阿依古丽·买买提), and single spaces between Latin words (Zhang San).
/// Length is counted in characters as a person sees them, so a rare Extension B character counts once.
/// </summary>
public static class PersonName
{
    public const int MinLength = 2;
    public const int MaxLength = 30;
    private const char Dot = '·';
    private const string LettersOnly = "姓名只能包含汉字、字母和间隔号“·”";

    // Middle dots that input methods produce for 间隔号; all are stored as U+00B7.
    private static readonly char[] DotVariants = ['\u00B7', '\u2022', '\uFF0E', '\u30FB', '\u2027', '\uFF65'];

    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return Fail("请填写姓名", out error);
        // Far beyond any real name; stops oversized input before the per-character work.
        if (input.Length > MaxLength * 8) return Fail($"姓名不能超过{MaxLength}个字", out error);

        // Normalize() throws on a lone surrogate, which no keyboard produces.
        if (!IsWellFormedUtf16(input)) return Fail(LettersOnly, out error);

        var name = JoinWords(FoldDots(input.Normalize(NormalizationForm.FormC)));
        if (!CheckCharacters(name, out var length, out error)) return false;
        if (name[0] == Dot || name[^1] == Dot || name.Contains("··", StringComparison.Ordinal))
            return Fail("间隔号“·”只能用在姓名中间，且不能连续", out error);
        if (length < MinLength) return Fail($"姓名至少{MinLength}个字", out error);
        if (length > MaxLength) return Fail($"姓名不能超过{MaxLength}个字", out error);

        normalized = name;
        error = "";
        return true;
    }

    private static string FoldDots(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (Array.IndexOf(DotVariants, chars[i]) >= 0) chars[i] = Dot;
        }
        return FullWidth.ToAscii(new string(chars));
    }

    // Collapses runs of whitespace; a space survives only between two letters of a spaced script (Zhang San), never
    // next to a Chinese character or a 间隔号, where ID cards have none.
    private static string JoinWords(string value)
    {
        var words = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(value.Length);
        foreach (var word in words)
        {
            if (builder.Length > 0 && IsSpacedLetter(LastRune(builder)) && IsSpacedLetter(Rune.GetRuneAt(word, 0)))
                builder.Append(' ');
            builder.Append(word);
        }
        return builder.ToString();
    }

    private static bool CheckCharacters(string name, out int length, out string error)
    {
        length = 0;
        for (var index = 0; index < name.Length; length++)
        {
            var size = StringInfo.GetNextTextElementLength(name.AsSpan(index));
            var element = name.AsSpan(index, size);
            index += size;

            Rune.DecodeFromUtf16(element, out var first, out _);
            if (first.Value is Dot or ' ') continue;
            if (Rune.IsDigit(first) || Rune.GetUnicodeCategory(first) is UnicodeCategory.OtherNumber)
                return Fail("姓名不能包含数字", out error);
            if (!IsNameLetter(first) || !OnlyMarksAfterFirst(element[first.Utf16SequenceLength..]))
                return Fail(LettersOnly, out error);
        }
        error = "";
        return true;
    }

    private static bool IsNameLetter(Rune rune) =>
        IsCjkIdeograph(rune)
        || rune.Value is 0x3005 or 0x3007 // 々 and 〇, both found in registered names
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter;

    private static bool IsSpacedLetter(Rune rune) => Rune.IsLetter(rune) && !IsCjkIdeograph(rune);

    // By block rather than by category, so ideographs newer than the runtime's Unicode tables are still accepted.
    private static bool IsCjkIdeograph(Rune rune) => rune.Value is
        (>= 0x3400 and <= 0x4DBF)       // Extension A
        or (>= 0x4E00 and <= 0x9FFF)    // Unified Ideographs
        or (>= 0xF900 and <= 0xFAFF)    // Compatibility Ideographs
        or (>= 0x20000 and <= 0x323AF)  // Extensions B–H
        or (>= 0x2F800 and <= 0x2FA1F); // Compatibility Supplement

    // Combining marks (an accent, an ideographic variation selector) belong to the letter before them.
    private static bool OnlyMarksAfterFirst(ReadOnlySpan<char> rest)
    {
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
                return false;
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark)) return false;
            rest = rest[used..];
        }
        return true;
    }

    private static Rune LastRune(StringBuilder builder)
    {
        var last = builder[^1];
        return char.IsLowSurrogate(last) ? new Rune(builder[^2], last) : new Rune(last);
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i])) continue;
            if (!char.IsHighSurrogate(value[i]) || i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
                return false;
            i++;
        }
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
