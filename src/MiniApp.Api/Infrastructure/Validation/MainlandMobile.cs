namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>
/// Normalises a mainland China mobile number to its 11 digits (1[3-9]xxxxxxxxx). Accepts what people paste: spaces,
/// dashes, full-width digits and a +86 / 0086 / 86 country prefix.
/// </summary>
public static class MainlandMobile
{
    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return Fail("请填写手机号码", out error);

        var value = new string(FullWidth.ToAscii(input)
            .Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '‐' or '–' or '—')).ToArray());
        if (value.StartsWith("+86", StringComparison.Ordinal)) value = value[3..];
        else if (value.StartsWith("0086", StringComparison.Ordinal)) value = value[4..];
        // A bare 11-digit mobile starts with 1, so "86" in front of 11 more digits can only be the country code.
        else if (value.Length == 13 && value.StartsWith("86", StringComparison.Ordinal)) value = value[2..];

        // Checked by hand rather than with \d, which in .NET also matches non-ASCII digits.
        if (value.Length != 11 || value[0] != '1' || value[1] is < '3' or > '9'
            || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return Fail("请输入正确的11位手机号码", out error);

        normalized = value;
        error = "";
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
