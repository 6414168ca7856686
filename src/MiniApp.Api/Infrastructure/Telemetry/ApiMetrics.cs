using System.Diagnostics.Metrics;

namespace MiniApp.Api.Infrastructure.Telemetry;

/// <summary>
/// The application's own instruments, on the meter <see cref="MeterName"/> made by the host's meter factory (so each
/// host in a process, as in the tests, reports only its own). The outbox and application gauges are
/// <see cref="OperationalFigures"/>'; request, HTTP client, MySQL and runtime metrics come from their instrumentation.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "MiniApp.Api";

    // Seconds: a dispatch pass takes well under one, a full coverage rebuild minutes.
    private static readonly double[] JobBuckets = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600];

    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobFailures;
    private readonly Counter<long> _figureReadFailures;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _jobDuration = Meter.CreateHistogram("miniapp.job.duration", "s",
            "Time a background job ran, by job and outcome (succeeded, failed, canceled)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = JobBuckets });
        _jobFailures = Meter.CreateCounter<long>("miniapp.job.failures", "{failure}",
            "Background job runs that ended in an exception, by job");
        _figureReadFailures = Meter.CreateCounter<long>("miniapp.figures.read_failures", "{failure}",
            "Reads of the outbox and application figures that failed or timed out");
    }

    public Meter Meter { get; }

    /// <summary>One run of a background job, named by its class.</summary>
    public void JobPerformed(string job, JobOutcome outcome, TimeSpan elapsed)
    {
        var jobTag = new KeyValuePair<string, object?>("job", job);
        _jobDuration.Record(elapsed.TotalSeconds, jobTag, new KeyValuePair<string, object?>("outcome", Name(outcome)));
        if (outcome == JobOutcome.Failed) _jobFailures.Add(1, jobTag);
    }

    public void FigureReadFailed() => _figureReadFailures.Add(1);

    private static string Name(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Succeeded => "succeeded",
        JobOutcome.Failed => "failed",
        _ => "canceled",
    };
}

public enum JobOutcome { Succeeded, Failed, Canceled }
