namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>One window a request is counted in: the counter's key and the limit it holds to.</summary>
public readonly record struct WindowHit(string Key, WindowLimit Limit);

/// <summary>The login rules: failures per username and address, and the per-username slow-down.</summary>
/// <param name="MaxFailures">Failures of one username from one address, within <paramref name="Lockout"/>, that lock
/// that pair.</param>
/// <param name="Lockout">How long a locked pair stays locked; also the window the failures are counted in.</param>
/// <param name="SlowDownAfter">Failures of one username from all addresses, within the window, that start its
/// slow-down.</param>
/// <param name="SlowDownInterval">During the slow-down, one attempt per interval from the addresses that already
/// failed.</param>
public sealed record LoginRules(int MaxFailures, TimeSpan Lockout, int SlowDownAfter, TimeSpan SlowDownInterval);

public enum LoginVerdictKind
{
    /// <summary>Go on: the attempt is counted as a failure until a success forgets it.</summary>
    Admitted,
    /// <summary>This address failed too often for this username.</summary>
    Locked,
    /// <summary>The username is being slowed down and this address already failed for it.</summary>
    SlowedDown,
}

public readonly record struct LoginVerdict(LoginVerdictKind Kind, TimeSpan RetryAfter)
{
    public static readonly LoginVerdict Admitted = new(LoginVerdictKind.Admitted, TimeSpan.Zero);
}

/// <summary>
/// The counters behind the limits, kept alike in Redis (shared by every node) and in a node's memory. Time is passed
/// in, so the windows follow the app's TimeProvider; each operation is atomic.
/// </summary>
internal interface ILimitCounters
{
    /// <summary>
    /// Counts the request in every window when none is full and answers null; otherwise counts nothing and answers how
    /// long until the fullest window opens.
    /// </summary>
    ValueTask<TimeSpan?> HitAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now);

    /// <summary>Takes one request back out of every window that still counts it (the request failed on our
    /// side).</summary>
    ValueTask RefundAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now);

    /// <summary>Decides an attempt of <paramref name="user"/> from <paramref name="address"/>; an admitted one is
    /// counted at once.</summary>
    ValueTask<LoginVerdict> BeginLoginAsync(string user, string address, LoginRules rules, DateTimeOffset now);

    /// <summary>Takes back one admitted attempt that was never decided (no password was checked).</summary>
    ValueTask UndoLoginAsync(string user, string address);

    /// <summary>A success: the address's failures for the username are forgotten, and taken off the username's
    /// total.</summary>
    ValueTask ForgetAddressAsync(string user, string address);

    /// <summary>Forgets every failure of the username (its password was reset).</summary>
    ValueTask ForgetUserAsync(string user);
}
