using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// Failed staff logins, counted per username and client address so that an attacker's failures lock out only the
/// attacker's address, plus a slow-down per username that never holds back an address without failures. A username
/// counts the same whether it exists or not.
/// </summary>
public sealed class StaffLoginFailures(LimitStore store, IOptions<AuthOptions> options)
{
    private LoginRules Rules => new(options.Value.MaxFailedLogins, options.Value.LockoutDuration, options.Value.SlowDownAfter,
        options.Value.SlowDownInterval);

    /// <summary>Decides an attempt before any hashing; an admitted attempt counts as a failure until a success forgets it.</summary>
    public ValueTask<LoginVerdict> BeginAsync(string username, string address) => store.BeginLoginAsync(Key(username), address, Rules);

    /// <summary>Takes back an admitted attempt whose password was never checked.</summary>
    public ValueTask UndoAsync(string username, string address) => store.UndoLoginAsync(Key(username), address);

    public ValueTask SucceededAsync(string username, string address) => store.ForgetAddressAsync(Key(username), address);

    /// <summary>After a password reset: the username starts again from nothing everywhere.</summary>
    public ValueTask ForgetAsync(string username) => store.ForgetUserAsync(Key(username));

    // The database finds "XP-Admin", "ｘｐ-admin" and "xp-ädmin" all as xp-admin (utf8mb4_unicode_ci): they must count as one,
    // or each spelling would bring fresh tries. Width, accents and case are folded alike for known and unknown names.
    internal static string Key(string username)
    {
        var folded = username.Trim().Normalize(NormalizationForm.FormKD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(folded).ToLowerInvariant();
    }
}
