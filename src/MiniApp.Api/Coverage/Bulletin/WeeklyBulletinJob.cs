namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>Hangfire job, weekly: the 情况通报 to county admins' inboxes.</summary>
public sealed class WeeklyBulletinJob
{
    /// <summary>Returns how many notifications (or rows) this run wrote.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
