namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>What an 18-digit 居民身份证号码 says about its holder. Gender is "male" or "female".</summary>
public sealed record IdNumberInfo(string Normalized, DateOnly BirthDate, string Gender, string RegionCode, int Age);

/// <summary>
/// Checks a 居民身份证号码 by GB 11643-1999: 6-digit 地址码, 8-digit birth date, 3-digit 顺序码 (odd = male) and an
/// ISO 7064 MOD 11-2 check character. The 地址码 is not checked: cards issued under codes since retired stay valid.
/// Error messages are shown to the worker and never repeat the number.
/// </summary>
public static class ChineseIdNumber
{
    public const int MinimumAge = 16;

    // W_i = 2^(18-i) mod 11; the check character is CheckCharacters[Σ a_i·W_i mod 11].
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// True with the holder's details when the number is valid on <paramref name="today"/> (China time) and the holder
    /// is at least <see cref="MinimumAge"/>; otherwise false with a message for the worker, and <paramref name="info"/>
    /// must not be read.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out IdNumberInfo info, out string error)
    {
        info = null!;
        var value = Normalize(input);
        if (value.Length == 0) return Fail("请填写身份证号码", out error);
        if (value.Length != 18 || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
            || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            return Fail("身份证号码应为18位，由17位数字和末位数字或X组成", out error);

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var birthDate))
            return Fail("身份证号码中的出生日期无效，请核对", out error);
        if (birthDate > today) return Fail("身份证号码中的出生日期晚于今天，请核对", out error);

        if (CheckCharacterOf(value) != value[17]) return Fail("身份证号码校验不通过，请核对是否输入有误", out error);

        var age = AgeOn(birthDate, today);
        if (age < MinimumAge) return Fail($"未满{MinimumAge}周岁，暂不能申请入会", out error);

        var sequence = value[16] - '0';
        info = new IdNumberInfo(value, birthDate, sequence % 2 == 1 ? "male" : "female", value[..6], age);
        error = "";
        return true;
    }

    /// <summary>Trims, folds full-width digits and Ｘ to ASCII and upper-cases a trailing x; no other checks.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var value = FullWidth.ToAscii(input).Trim();
        return value.EndsWith('x') ? string.Concat(value.AsSpan(0, value.Length - 1), "X") : value;
    }

    private static char CheckCharacterOf(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (value[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    // Birthday not yet reached this year counts as a year less; a 29 February birthday is reached on 1 March in
    // common years, the later of the two readings, so the minimum age is never granted a day early.
    private static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return (today.Month, today.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? age - 1 : age;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
