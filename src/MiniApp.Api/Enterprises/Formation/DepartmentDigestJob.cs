namespace MiniApp.Api.Enterprises.Formation;

/// <summary>Hangfire job, weekly: each department's enterprises whose formation has not moved.</summary>
public sealed class DepartmentDigestJob
{
    /// <summary>Returns how many notifications (or rows) this run wrote.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
