using System.Diagnostics;
using Hangfire.Server;
using MiniApp.Api.Infrastructure.Telemetry;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// Times every job the Hangfire server performs and counts the runs that end in an exception (miniapp.job.duration,
/// miniapp.job.failures), by the job's class. It reaches the server through this container's filter provider (see
/// <see cref="HangfireSetup"/>), not Hangfire's static global filters, which every host in a process would share.
/// </summary>
internal sealed class JobMetricsFilter(ApiMetrics metrics) : IServerFilter
{
    private const string StartedKey = "miniapp.metrics.started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(StartedKey, out var value) || value is not long started) return;
        var job = context.BackgroundJob.Job.Type.Name;
        metrics.JobPerformed(job, OutcomeOf(context), Stopwatch.GetElapsedTime(started));
    }

    private static JobOutcome OutcomeOf(PerformedContext context) => context switch
    {
        { Canceled: true } => JobOutcome.Canceled,
        // Stopped by the server shutting down, not failed: the job runs again on the next start.
        { Exception: OperationCanceledException } when context.CancellationToken.ShutdownToken
            .IsCancellationRequested => JobOutcome.Canceled,
        { Exception: not null, ExceptionHandled: false } => JobOutcome.Failed,
        _ => JobOutcome.Succeeded,
    };
}
