using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// Failed staff logins, counted per username and client address so that an attacker's failures lock out only the
/// attacker's address, plus a slow-down per username that never holds back an address without failures. A username
/// counts the same whether it exists or not.
/// </summary>
public sealed class StaffLoginFailures(LimitStore store, IOptions<AuthOptions> options)
{
    private LoginRules Rules => new(options.Value.MaxFailedLogins, options.Value.LockoutDuration,
        options.Value.SlowDownAfter, options.Value.SlowDownInterval);

    /// <summary>
    /// Decides an attempt before any hashing; an admitted attempt counts as a failure until a success forgets it.
    /// </summary>
    public ValueTask<LoginVerdict> BeginAsync(string username, string address) =>
        store.BeginLoginAsync(Key(username), address, Rules);

    /// <summary>Takes back an admitted attempt whose password was never checked.</summary>
    public ValueTask UndoAsync(string username, string address) => store.UndoLoginAsync(Key(username), address);

    public ValueTask SucceededAsync(string username, string address) =>
        store.ForgetAddressAsync(Key(username), address);

    /// <summary>After a password reset: the username starts again from nothing everywhere.</summary>
    public ValueTask ForgetAsync(string username) => store.ForgetUserAsync(Key(username));

    // Counted under the folded name (StaffUsername.Fold), known or not: every spelling a login can find an account by
    // counts as that one name.
    internal static string Key(string username) => StaffUsername.Fold(username);
}
