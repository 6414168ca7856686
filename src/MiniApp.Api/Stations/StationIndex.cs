using System.Collections.Frozen;

namespace MiniApp.Api.Stations;

/// <summary>
/// This node's copy of the active stations for nearby search, kept fresh across nodes by station_index_version: every
/// station write bumps it in its own transaction, and a node that sees a newer version loads just the stations changed
/// since (<see cref="StationIndexRefresher"/> polls every few seconds; the node that made a change refreshes at once).
/// A full reload now and then also picks up rows written around the API (demo data, SQL consoles).
/// </summary>
public sealed class StationIndex(MySqlDataSource dataSource, ILogger<StationIndex> logger)
{
    // The version is read first: writers hold its row lock until they commit, so every version up to it is visible.
    private const string PollSql = """
        SELECT version FROM station_index_version WHERE id = 1;
        """ + FacilityCatalog.Sql + ";";

    private const string Columns = "SELECT id, code, name, type, address, latitude, longitude, facilities, "
        + "opening_hours, phone, status FROM stations";

    private sealed record Row(long Id, string Code, string Name, string Type, string Address, decimal Latitude,
        decimal Longitude,
        string Facilities, string OpeningHours, string? Phone, string Status);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, NearbyStation> _stations = [];
    private string[] _facilityCodes = [];
    private FrozenDictionary<string, int> _facilityBits = NearbySnapshot.BitsFor([]);
    private volatile NearbySnapshot? _snapshot;

    /// <summary>The snapshot searches use, or null before the first load.</summary>
    public NearbySnapshot? Current => _snapshot;

    public async ValueTask<NearbySnapshot> GetAsync(CancellationToken cancellationToken) =>
        _snapshot ?? await RefreshAsync(full: false, cancellationToken);

    /// <summary>
    /// Loads what changed since the current snapshot (everything when full, or when the facility list changed).
    /// </summary>
    public async Task<NearbySnapshot> RefreshAsync(bool full, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            long version;
            string[] facilityCodes;
            await using (
                var poll =
                await connection.QueryMultipleAsync(
                new CommandDefinition(PollSql, cancellationToken: cancellationToken)))
            {
                version = await poll.ReadSingleAsync<long>();
                facilityCodes = (await poll.ReadAsync<string>()).ToArray();
            }
            var current = _snapshot;
            full |= current is null || !facilityCodes.SequenceEqual(_facilityCodes);
            if (!full && version <= current!.Version) return current;

            if (full)
            {
                _facilityCodes = facilityCodes;
                _facilityBits = NearbySnapshot.BitsFor(facilityCodes);
                _stations.Clear();
            }
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                full ? Columns + " WHERE status = 'active'" : Columns + " WHERE change_version > @Since",
                new { Since = current?.Version ?? 0 }, cancellationToken: cancellationToken));
            var changed = 0;
            var cache = new LoadCache();
            foreach (var row in rows)
            {
                changed++;
                if (row.Status == StationCatalog.Active) _stations[row.Id] = ToStation(row, cache);
                else _stations.Remove(row.Id);
            }
            var snapshot = NearbySnapshot.Build(_stations.Values, _facilityBits, version);
            _snapshot = snapshot;
            StationIndexLog.Loaded(logger, version, snapshot.Count, changed, full ? "full" : "changes");
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After this node's own write: a failure here only delays visibility until the next poll.</summary>
    public async Task RefreshAfterWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(full: false, cancellationToken);
        }
        catch (Exception exception) when (exception is MySqlException or TimeoutException or OperationCanceledException)
        {
            StationIndexLog.RefreshAfterWriteFailed(logger, exception);
        }
    }

    /// <summary>
    /// Many stations share a facility list and an opening schedule: each distinct JSON text is parsed once per load.
    /// </summary>
    private sealed class LoadCache
    {
        public readonly Dictionary<string, (string[] Codes, ulong Mask)> Facilities = new(StringComparer.Ordinal);
        public readonly Dictionary<string, WeeklySchedule> Schedules = new(StringComparer.Ordinal);
    }

    private NearbyStation ToStation(Row row, LoadCache cache)
    {
        if (!cache.Facilities.TryGetValue(row.Facilities, out var facilities))
        {
            var codes = new List<string>();
            ulong mask = 0;
            foreach (var code in ParseCodes(row.Facilities))
            {
                // The catalog's own string instances: 186,000 stations share fourteen strings.
                if (!_facilityBits.TryGetValue(code, out var bit) || (mask & (1UL << bit)) != 0) continue;
                mask |= 1UL << bit;
                codes.Add(_facilityCodes[bit]);
            }
            cache.Facilities[row.Facilities] = facilities = (codes.ToArray(), mask);
        }
        if (!cache.Schedules.TryGetValue(row.OpeningHours, out var schedule))
            cache.Schedules[row.OpeningHours] = schedule = Stations.OpeningHours.FromJson(
                row.OpeningHours).ToSchedule();
        var type = StationCatalog.Types.FirstOrDefault(t => t.Code == row.Type)?.Code ?? row.Type;
        double latitude = (double)row.Latitude, longitude = (double)row.Longitude;
        return new NearbyStation(row.Id, latitude, longitude, type, facilities.Mask, schedule,
            NearbyJson.Head(row.Id, row.Code, row.Name, type, row.Address, latitude, longitude),
            NearbyJson.Tail(schedule.AllDay, facilities.Codes, row.Phone));
    }

    private static string[] ParseCodes(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
