namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>
/// Request limits, each a count per window that starts with the first request counted. Per address: generous (a
/// carrier's NAT or a 司机之家's Wi-Fi puts many phones behind one address). Per account: tight. README "Limits" says why.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>POST /api/auth/login per client address, on each node (in memory).</summary>
    public WindowLimit WorkerLoginPerAddress { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>GET /api/stations/nearby per client address, on each node (in memory).</summary>
    public WindowLimit NearbyPerAddress { get; set; } = new(300, TimeSpan.FromMinutes(1));

    /// <summary>POST /api/staff/auth/login per client address, across nodes (Redis), before any password is
    /// hashed.</summary>
    public WindowLimit StaffLoginPerAddress { get; set; } = new(60, TimeSpan.FromMinutes(10));

    /// <summary>Submit, resubmit and phone binding together, per worker account, across nodes.</summary>
    public WindowLimit WorkerWritesPerAccount { get; set; } = new(10, TimeSpan.FromMinutes(10));

    /// <summary>The same writes per worker account in a day (a window of 24 hours from the first).</summary>
    public WindowLimit WorkerWritesPerAccountDaily { get; set; } = new(30, TimeSpan.FromDays(1));

    internal IEnumerable<(string Name, WindowLimit Limit)> All() =>
    [
        (nameof(WorkerLoginPerAddress), WorkerLoginPerAddress),
        (nameof(NearbyPerAddress), NearbyPerAddress),
        (nameof(StaffLoginPerAddress), StaffLoginPerAddress),
        (nameof(WorkerWritesPerAccount), WorkerWritesPerAccount),
        (nameof(WorkerWritesPerAccountDaily), WorkerWritesPerAccountDaily),
    ];
}

/// <summary>At most <see cref="PermitLimit"/> requests in a window of <see cref="Window"/> that opens with the first of
/// them.</summary>
public sealed class WindowLimit
{
    public WindowLimit() { }

    public WindowLimit(int permitLimit, TimeSpan window) => (PermitLimit, Window) = (permitLimit, window);

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit >= 1 && Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromDays(7);
}
