using System.Diagnostics;
using System.Diagnostics.Metrics;
using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Infrastructure.Telemetry;

/// <summary>
/// Gauges read from MySQL: notifications not yet delivered and dead in the outbox, the age of the oldest undelivered
/// one, and applications waiting for review per receiving union with the age of the oldest. One read (two indexed
/// queries) serves them for Telemetry:FiguresCacheDuration. A scrape of /metrics waits for a due read at most
/// Telemetry:FiguresReadTimeout; an OTLP collection never waits (it starts the read and reports the last figures).
/// While the database does not answer, the gauges keep the last figures a little while, then report nothing rather
/// than old numbers; the scrape itself always answers. The cache and the timeout run on real time (plumbing); the
/// ages on the injected clock.
/// </summary>
public sealed partial class OperationalFigures
{
    private const string Sql = """
        SELECT CAST(COALESCE(SUM(status IN ('pending', 'sending')), 0) AS SIGNED) AS pending,
               CAST(COALESCE(SUM(status = 'dead'), 0) AS SIGNED) AS dead,
               MIN(CASE WHEN status IN ('pending', 'sending') THEN created_at END) AS oldest_pending_at
        FROM notification_outbox
        WHERE status IN ('pending', 'sending', 'dead');
        SELECT o.code AS union_code, COUNT(*) AS waiting, MIN(a.submitted_at) AS oldest_submitted_at
        FROM applications a JOIN organizations o ON o.id = a.receiving_union_id
        WHERE a.status = 'submitted'
        GROUP BY o.code;
        """;

    private sealed record OutboxRow(long Pending, long Dead, DateTime? OldestPendingAt);

    private sealed record QueueRow(string UnionCode, long Waiting, DateTime OldestSubmittedAt);

    private sealed record Snapshot(long ReadAt, OutboxRow Outbox, IReadOnlyList<QueueRow> Queues);

    private readonly MySqlDataSource _dataSource;
    private readonly ApiMetrics _metrics;
    private readonly TelemetryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationalFigures> _logger;
    private readonly Lock _gate = new();
    private Task? _reading;
    private long? _attemptedAt;
    private bool _failing;
    private volatile Snapshot? _snapshot;

    public OperationalFigures(MySqlDataSource dataSource, ApiMetrics metrics, IOptions<TelemetryOptions> options,
        TimeProvider clock, ILogger<OperationalFigures> logger)
    {
        (_dataSource, _metrics, _options, _clock, _logger) = (dataSource, metrics, options.Value, clock, logger);
        var meter = metrics.Meter;
        meter.CreateObservableGauge("miniapp.outbox.pending", () => Observe(s => One(s.Outbox.Pending)),
            "{notification}", "Notifications in the outbox not yet delivered (pending, or being sent)");
        meter.CreateObservableGauge("miniapp.outbox.dead", () => Observe(s => One(s.Outbox.Dead)),
            "{notification}", "Notifications given up (dead) until a county admin sends them again");
        meter.CreateObservableGauge("miniapp.outbox.oldest_pending_age",
            () => Observe(s => One(SecondsSince(s.Outbox.OldestPendingAt))),
            "s", "Age of the oldest notification not yet delivered; 0 when none waits");
        meter.CreateObservableGauge("miniapp.applications.waiting",
            () => Observe(s => s.Queues.Select(q => new Measurement<long>(q.Waiting, UnionTag(q)))),
            "{application}", "Applications waiting for review, by receiving union (absent: none waits)");
        meter.CreateObservableGauge("miniapp.applications.oldest_waiting_age",
            () => Observe(s => s.Queues.Select(q => new Measurement<double>(SecondsSince(q.OldestSubmittedAt),
                UnionTag(q)))),
            "s", "Age of the oldest application waiting for review, by receiving union");
    }

    /// <summary>Reads the figures if the last read is older than the cache duration; one read at a time.</summary>
    public Task RefreshAsync()
    {
        lock (_gate)
        {
            if (_reading is null
                && (_attemptedAt is not { } last || Stopwatch.GetElapsedTime(last) >= _options.FiguresCacheDuration))
            {
                _attemptedAt = Stopwatch.GetTimestamp();
                _reading = Task.Run(ReadAsync);
            }
            return _reading ?? Task.CompletedTask;
        }
    }

    /// <summary>For a scrape: a due read, waited for no longer than the read timeout.</summary>
    public async Task RefreshForScrapeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync().WaitAsync(_options.FiguresReadTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The read goes on; this scrape reports the figures read before.
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.FiguresReadTimeout);
            await using var connection = await _dataSource.OpenConnectionAsync(timeout.Token);
            var seconds = (int)Math.Ceiling(_options.FiguresReadTimeout.TotalSeconds);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
                commandTimeout: seconds, cancellationToken: timeout.Token));
            var outbox = await results.ReadSingleAsync<OutboxRow>();
            var queues = (await results.ReadAsync<QueueRow>()).ToList();
            _snapshot = new Snapshot(Stopwatch.GetTimestamp(), outbox, queues);
            if (_failing) ReadRecovered(_logger);
            _failing = false;
        }
        catch (Exception exception)
        {
            _metrics.FigureReadFailed();
            if (!_failing) ReadFailed(_logger, exception.GetType().Name, LoggedException.From(exception));
            _failing = true;
        }
        finally
        {
            lock (_gate) _reading = null;
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<Snapshot, IEnumerable<Measurement<T>>> measure) where T : struct
    {
        // An OTLP collection has no scrape in front of it: start a due read for the next one.
        _ = RefreshAsync();
        var snapshot = _snapshot;
        var keepFor = _options.FiguresCacheDuration + TimeSpan.FromMinutes(2);
        return snapshot is null || Stopwatch.GetElapsedTime(snapshot.ReadAt) > keepFor ? [] : measure(snapshot);
    }

    private double SecondsSince(DateTime? utc) =>
        utc is { } value ? Math.Max(0, (_clock.GetUtcNow().UtcDateTime - value).TotalSeconds) : 0;

    private static Measurement<T>[] One<T>(T value) where T : struct => [new(value)];

    private static KeyValuePair<string, object?> UnionTag(QueueRow queue) => new("union", queue.UnionCode);

    [LoggerMessage(120, LogLevel.Warning,
        "The outbox and application figures could not be read ({ExceptionType}); the gauges keep the last for a while")]
    private static partial void ReadFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(121, LogLevel.Information, "The outbox and application figures can be read again")]
    private static partial void ReadRecovered(ILogger logger);
}
