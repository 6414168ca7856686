namespace MiniApp.Api.Notifications.Dispatch;

/// <summary>
/// Fits a value to the limit of its subscribe-message type, named by the key's prefix (thing1 is a thing): over the
/// limit WeChat refuses the whole message with 47003, so values are shortened here, never split inside a character.
/// </summary>
public static class SubscribeValues
{
    private const string Ellipsis = "…";
    private const string Placeholder = "-";

    public static string Fit(string key, string? value)
    {
        value = (value ?? "").Trim();
        var type = key.TrimEnd("0123456789".ToCharArray());
        var fitted = type switch
        {
            "thing" => Truncate(value, 20),
            "name" => Truncate(value, Ascii.IsValid(value) ? 20 : 10),
            "phrase" => TakeElements(Keep(value, IsChinese), 5),
            "character_string" => TakeElements(Keep(value, r => r.IsAscii && !Rune.IsWhiteSpace(r)), 32),
            "number" => TakeElements(Keep(value, IsNumberPart), 32),
            "letter" => TakeElements(Keep(value, r => r.IsAscii && Rune.IsLetter(r)), 32),
            "symbol" => TakeElements(value, 5),
            "phone_number" => TakeElements(value, 17),
            "car_number" => TakeElements(value, 8),
            _ => value,
        };
        return fitted.Length == 0 ? (type is "phrase" ? "通知" : Placeholder) : fitted;
    }

    /// <summary>At most <paramref name="max"/> characters as people count them, ending in … when cut.</summary>
    public static string Truncate(string value, int max) =>
        CountElements(value) <= max ? value : TakeElements(value, max - 1) + Ellipsis;

    // Runes, not UTF-16 units: a Chinese character outside the BMP is one character. Cuts fall between text elements,
    // so an emoji sequence or a combining mark is never split.
    private static int CountElements(string value) => value.EnumerateRunes().Count();

    private static string TakeElements(string value, int max)
    {
        if (CountElements(value) <= max) return value;
        var builder = new StringBuilder();
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(value);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var runes = CountElements(element);
            if (count + runes > max) break;
            builder.Append(element);
            count += runes;
        }
        return builder.ToString();
    }

    private static string Keep(string value, Func<Rune, bool> keep)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (keep(rune)) builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static bool IsNumberPart(Rune rune) =>
        Rune.IsDigit(rune) && rune.IsAscii || rune.Value is '.' or '-' or '+';

    private static bool IsChinese(Rune rune) =>
        rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2EBEF);
}
