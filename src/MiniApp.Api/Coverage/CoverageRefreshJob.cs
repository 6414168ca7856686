namespace MiniApp.Api.Coverage;

/// <summary>Hangfire job, hourly: recomputes today's figures from yesterday's frozen figures and today's changes.</summary>
public sealed class CoverageRefreshJob
{
    /// <summary>Returns how many notifications (or rows) this run wrote.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
