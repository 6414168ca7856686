using System.Diagnostics;

namespace MiniApp.Api.Stations;

/// <summary>
/// Loads the nearby index at start-up, then polls for changes made on other nodes (and reloads fully now and then).
/// </summary>
public sealed class StationIndexRefresher(StationIndex index, IOptions<StationsOptions> options,
    ILogger<StationIndexRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Real time on purpose: the polling cadence is plumbing, not domain time a test clock should stop.
        using var timer = new PeriodicTimer(settings.IndexRefreshInterval);
        long? lastFull = null;
        do
        {
            try
            {
                var full = lastFull is null
                    || Stopwatch.GetElapsedTime(lastFull.Value) >= settings.IndexFullReloadInterval;
                await index.RefreshAsync(full, stoppingToken);
                if (full) lastFull = Stopwatch.GetTimestamp();
            }
            catch (Exception exception) when (exception is not OperationCanceledException
                || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(
                    "Station index refresh failed ({ExceptionType}: {Message}); retrying on the next tick",
                    exception.GetType().Name, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
