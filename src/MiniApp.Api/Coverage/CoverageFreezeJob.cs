namespace MiniApp.Api.Coverage;

/// <summary>Hangfire job, nightly: computes the days not yet frozen up to yesterday and freezes them.</summary>
public sealed class CoverageFreezeJob
{
    /// <summary>Returns how many notifications (or rows) this run wrote.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
