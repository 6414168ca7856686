namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>The counters in this node's memory: for per-node limits, and for every limit while Redis does not
/// answer.</summary>
internal sealed class MemoryLimitCounters : ILimitCounters
{
    private const int SweepEvery = 4096;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserFailures> _users = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public ValueTask<TimeSpan?> HitAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now) =>
        ValueTask.FromResult(Hit(hits, now));

    public TimeSpan? Hit(IReadOnlyList<WindowHit> hits, DateTimeOffset now)
    {
        lock (_lock)
        {
            SweepNowAndThen(now);
            var open = new Window[hits.Count];
            var wait = TimeSpan.Zero;
            for (var i = 0; i < hits.Count; i++)
            {
                var window = _windows.GetValueOrDefault(hits[i].Key);
                open[i] = window is null || window.End <= now ? new Window(0, now + hits[i].Limit.Window) : window;
                if (open[i].Count >= hits[i].Limit.PermitLimit && open[i].End - now > wait) wait = open[i].End - now;
            }
            if (wait > TimeSpan.Zero) return wait;
            for (var i = 0; i < hits.Count; i++) _windows[hits[i].Key] = open[i] with { Count = open[i].Count + 1 };
            return null;
        }
    }

    public ValueTask RefundAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var hit in hits)
            {
                if (_windows.GetValueOrDefault(hit.Key) is { Count: > 0 } window && window.End > now)
                    _windows[hit.Key] = window with { Count = window.Count - 1 };
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<LoginVerdict> BeginLoginAsync(string user, string address, LoginRules rules, DateTimeOffset now)
    {
        lock (_lock)
        {
            SweepNowAndThen(now);
            if (!_users.TryGetValue(user, out var failures)) _users[user] = failures = new UserFailures();
            var pair = failures.Addresses.GetValueOrDefault(address);
            if (pair is null || pair.End <= now) pair = new Window(0, now + rules.Lockout);
            if (pair.Count >= rules.MaxFailures)
                return ValueTask.FromResult(new LoginVerdict(LoginVerdictKind.Locked, pair.End - now));
            if (failures.End <= now)
                (failures.Total, failures.End, failures.Next) = (0, now + rules.Lockout, DateTimeOffset.MinValue);
            if (pair.Count > 0 && failures.Total >= rules.SlowDownAfter && now < failures.Next)
                return ValueTask.FromResult(new LoginVerdict(LoginVerdictKind.SlowedDown, failures.Next - now));

            var count = pair.Count + 1;
            var end = count >= rules.MaxFailures ? now + rules.Lockout : pair.End;
            failures.Addresses[address] = new Window(count, end);
            failures.Total++;
            failures.Next = now + rules.SlowDownInterval;
            return ValueTask.FromResult(LoginVerdict.Admitted);
        }
    }

    public ValueTask UndoLoginAsync(string user, string address)
    {
        lock (_lock)
        {
            if (_users.TryGetValue(user, out var failures) && failures.Addresses.TryGetValue(address, out var pair)
                && pair.Count > 0)
            {
                failures.Addresses[address] = pair with { Count = pair.Count - 1 };
                failures.Total = Math.Max(0, failures.Total - 1);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAddressAsync(string user, string address)
    {
        lock (_lock)
        {
            if (_users.TryGetValue(user, out var failures) && failures.Addresses.Remove(address, out var pair))
            {
                failures.Total = Math.Max(0, failures.Total - pair.Count);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetUserAsync(string user)
    {
        lock (_lock) _users.Remove(user);
        return ValueTask.CompletedTask;
    }

    // Windows and failures that have run out are dropped from time to time, so memory follows the traffic of the last
    // minutes.
    private void SweepNowAndThen(DateTimeOffset now)
    {
        if (++_sinceSweep < SweepEvery) return;
        _sinceSweep = 0;
        foreach (var (key, window) in _windows) if (window.End <= now) _windows.Remove(key);
        foreach (var (user, failures) in _users)
        {
            foreach (var (address, pair) in failures.Addresses) if (pair.End <= now) failures.Addresses.Remove(address);
            if (failures.Addresses.Count == 0 && failures.End <= now) _users.Remove(user);
        }
    }

    private sealed record Window(int Count, DateTimeOffset End);

    private sealed class UserFailures
    {
        public Dictionary<string, Window> Addresses { get; } = new(StringComparer.Ordinal);
        public int Total { get; set; }
        public DateTimeOffset End { get; set; }
        public DateTimeOffset Next { get; set; }
    }
}
