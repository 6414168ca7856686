using System.Text.RegularExpressions;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// Staff usernames: 3 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit. What a login
/// types is folded first (width, accents, case: "ＸＰ-Admin" is xp-admin), and only a folded name of that shape is
/// looked up, so the database's collation, which ignores some characters altogether, never finds one account under many
/// spellings.
/// </summary>
public static partial class StaffUsername
{
    public const string Rule = "用户名为3至32位小写字母、数字、横线或下划线，以字母或数字开头";

    public static bool IsWellFormed(string username) => Pattern().IsMatch(username);

    /// <summary>
    /// The name a login counts under and looks up: trimmed, compatibility-decomposed, without accents, lower case.
    /// </summary>
    public static string Fold(string typed)
    {
        var folded = typed.Trim().Normalize(NormalizationForm.FormKD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(folded).ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{2,31}$")]
    private static partial Regex Pattern();
}
