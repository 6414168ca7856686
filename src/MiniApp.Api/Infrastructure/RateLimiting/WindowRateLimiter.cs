using System.Threading.RateLimiting;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>
/// One partition of a policy (an address, an account) for ASP.NET Core's rate limiter: the counts live in the
/// <see cref="LimitStore"/>, so this object keeps no state of its own and the limiter may drop it when idle.
/// </summary>
internal sealed class WindowRateLimiter(LimitStore store, IReadOnlyList<WindowHit> hits, bool shared,
    TimeProvider clock) : RateLimiter
{
    private int _active;
    private long _idleSince = clock.GetTimestamp();

    public override TimeSpan? IdleDuration =>
        Volatile.Read(ref _active) > 0 ? null : clock.GetElapsedTime(Volatile.Read(ref _idleSince));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The middleware tries the synchronous path first and then waits. A per-node limit answers here; a shared one needs
    // a round trip to Redis, so it is counted in the wait.
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (shared) return WindowLease.NotTried;
        if (permitCount == 0) return WindowLease.Granted;
        return store.HitOnThisNode(hits) is { } wait ? new WindowLease(false, wait) : WindowLease.Granted;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount,
        CancellationToken cancellationToken)
    {
        if (permitCount == 0) return WindowLease.Granted;
        Interlocked.Increment(ref _active);
        try
        {
            return await store.HitAsync(hits, shared) is { } wait ? new WindowLease(false, wait) : WindowLease.Granted;
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            Volatile.Write(ref _idleSince, clock.GetTimestamp());
        }
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);
        public static readonly WindowLease NotTried = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
