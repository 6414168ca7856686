namespace MiniApp.Api.ReferenceData;

/// <summary>
/// Serves the <see cref="ReferenceSnapshot"/> from memory and rereads the database at most every five minutes, so
/// an admin's change to worker groups or townships shows up without a restart. If the database is down when the copy
/// runs out, the last copy keeps serving (these lists change a few times a year) and a retry follows shortly.
/// </summary>
public sealed class ReferenceCatalog(MySqlDataSource dataSource, TimeProvider clock, ILogger<ReferenceCatalog> logger)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
    private const string XinpingCountyCode = "530427";

    private const string Sql = """
        SELECT code, name FROM worker_groups ORDER BY sort_order, code;
        SELECT code, name FROM regions WHERE level = 'township' AND parent_code = @CountyCode ORDER BY sort_order, code;
        """;

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Loaded? _loaded;

    private sealed record Loaded(ReferenceSnapshot Snapshot, DateTimeOffset ExpiresAt);

    public async Task<ReferenceSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (FreshSnapshot() is { } cached) return cached;
        // One reload at a time; requests that queued behind it take its result.
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (FreshSnapshot() is { } reloaded) return reloaded;
            try
            {
                var snapshot = await LoadAsync(cancellationToken);
                _loaded = new Loaded(snapshot, clock.GetUtcNow() + CacheDuration);
                return snapshot;
            }
            catch (Exception exception) when (exception is MySqlException or TimeoutException && _loaded is { } stale)
            {
                logger.LogWarning(exception, "Reference data could not be reloaded; serving the copy loaded before");
                _loaded = stale with { ExpiresAt = clock.GetUtcNow() + RetryAfterFailure };
                return stale.Snapshot;
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    private ReferenceSnapshot? FreshSnapshot() =>
        _loaded is { } loaded && clock.GetUtcNow() < loaded.ExpiresAt ? loaded.Snapshot : null;

    private async Task<ReferenceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.Db(cancellationToken)
            .QueryMultipleAsync(Sql, new { CountyCode = XinpingCountyCode });
        var workerGroups = new CodeList(await results.ReadAsync<CodeName>());
        var townships = new CodeList(await results.ReadAsync<CodeName>());
        return new ReferenceSnapshot(workerGroups, townships);
    }
}
