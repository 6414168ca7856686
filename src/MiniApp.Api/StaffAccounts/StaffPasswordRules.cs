namespace MiniApp.Api.StaffAccounts;

public static class StaffPasswordRules
{
    /// <summary>At least 10 characters with letters and digits; staff accounts open personal data.</summary>
    public static string? Check(string? password) =>
        password is null || password.Length is < 10 or > 128
        || !password.Any(char.IsAsciiLetter) || !password.Any(char.IsAsciiDigit)
            ? "密码至少10位，且须同时包含字母和数字"
            : null;
}
