using System.Text.RegularExpressions;

namespace MiniApp.WeChat.Sandbox;

/// <summary>
/// subscribeMessage data limits by key prefix, as WeChat documents them (a value over its limit answers 47003):
/// <c>thing1</c> is a thing (at most 20 characters), <c>phrase</c> at most 5 Chinese characters, and so on.
/// </summary>
internal static partial class SubscribeDataRules
{
    /// <summary>The first key whose value breaks its type's rule, or <c>null</c> when all pass.</summary>
    public static string? FirstInvalidKey(IReadOnlyDictionary<string, string?> data) =>
        data.FirstOrDefault(pair => !IsValid(pair.Key, pair.Value)).Key;

    public static bool IsValid(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        // Limits count characters as people see them, so a Chinese character (even outside the BMP) is one.
        var length = value.EnumerateRunes().Count();
        return key.TrimEnd("0123456789".ToCharArray()) switch
        {
            "thing" => length <= 20,
            "number" => length <= 32 && NumberPattern().IsMatch(value),
            "letter" => length <= 32 && value.All(char.IsAsciiLetter),
            "symbol" => length <= 5,
            "character_string" => length <= 32,
            "phone_number" => length <= 17,
            "car_number" => length <= 8,
            // "Mixed text counts as Chinese": any non-ASCII character brings the limit down to 10.
            "name" => length <= (Ascii.IsValid(value) ? 20 : 10),
            "phrase" => length <= 5 && value.EnumerateRunes().All(IsChinese),
            // time, date, amount, const, enum and unknown types are not checked beyond being present.
            _ => true,
        };
    }

    private static bool IsChinese(Rune rune) =>
        rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2EBEF);

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();
}
