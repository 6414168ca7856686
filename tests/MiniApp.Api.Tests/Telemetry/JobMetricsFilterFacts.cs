using System.Diagnostics.Metrics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using MiniApp.Api.Infrastructure.Hangfire;
using MiniApp.Api.Infrastructure.Telemetry;
using Moq;

namespace MiniApp.Api.Tests.Telemetry;

/// <summary>The metrics filter, inside Hangfire's own performer as the server runs it.</summary>
public sealed class JobMetricsFilterFacts : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public JobMetricsFilterFacts()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ApiMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagged = new Dictionary<string, object?>(tags.ToArray());
        lock (_measurements) _measurements.Add((instrument.Name, value, tagged));
    }

    private void Perform(Job job, IJobCancellationToken? token = null)
    {
        var filter = new JobMetricsFilter(new ApiMetrics(_services.GetRequiredService<IMeterFactory>()));
        var performer = new BackgroundJobPerformer(new JobFilterCollection { filter }, new JobActivator());
        var context = new PerformContext(new Mock<JobStorage>().Object, new Mock<IStorageConnection>().Object,
            new BackgroundJob("1", job, DateTime.UtcNow), token ?? new JobCancellationToken(false));
        performer.Perform(context);
    }

    [Fact]
    public void Perform_RecordsTheDuration_OfAJobThatSucceeds()
    {
        Perform(Job.FromExpression<SampleJob>(job => job.Succeed()));

        var duration = Assert.Single(_measurements, m => m.Instrument == "miniapp.job.duration");
        Assert.Equal(nameof(SampleJob), duration.Tags["job"]);
        Assert.Equal("succeeded", duration.Tags["outcome"]);
        Assert.True(duration.Value >= 0);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "miniapp.job.failures");
    }

    [Fact]
    public void Perform_CountsAFailure_OfAJobThatThrows()
    {
        Assert.Throws<JobPerformanceException>(() => Perform(Job.FromExpression<SampleJob>(job => job.FailAsync())));

        var duration = Assert.Single(_measurements, m => m.Instrument == "miniapp.job.duration");
        Assert.Equal("failed", duration.Tags["outcome"]);
        var failure = Assert.Single(_measurements, m => m.Instrument == "miniapp.job.failures");
        Assert.Equal(1, failure.Value);
        Assert.Equal(nameof(SampleJob), failure.Tags["job"]);
    }

    [Fact]
    public void Perform_CountsNoFailure_WhenTheServerStopsTheJob()
    {
        var token = new Mock<IJobCancellationToken>();
        token.SetupGet(t => t.ShutdownToken).Returns(new CancellationToken(canceled: true));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Perform(Job.FromExpression<SampleJob>(job => job.WaitAsync(CancellationToken.None)), token.Object));

        var duration = Assert.Single(_measurements, m => m.Instrument == "miniapp.job.duration");
        Assert.Equal("canceled", duration.Tags["outcome"]);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "miniapp.job.failures");
    }
}

public sealed class SampleJob
{
    public void Succeed() { }

    public async Task FailAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("the job failed");
    }

    public Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
