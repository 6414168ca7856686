using System.Collections.Frozen;

namespace MiniApp.Api.Stations;

/// <summary>
/// An active station as the nearby search keeps it in memory: position and filters, plus its part of the answer already
/// serialised (<see cref="NearbyJson"/>), since writing JSON was most of a search's cost.
/// </summary>
public sealed record NearbyStation(long Id, double Latitude, double Longitude, string Type, ulong FacilityMask,
    WeeklySchedule Schedule,
    byte[] JsonHead, byte[] JsonTail);

public readonly record struct NearbyHit(NearbyStation Station, double Meters);

/// <summary>
/// The filters of one search; FacilityMask holds every facility asked for, MinuteOfWeek is set for openNow.
/// </summary>
public readonly record struct NearbyFilter(string? Type, ulong FacilityMask, int? MinuteOfWeek)
{
    public bool Matches(NearbyStation station) =>
        (Type is null || station.Type == Type)
        && (station.FacilityMask & FacilityMask) == FacilityMask
        && (MinuteOfWeek is not { } minute || station.Schedule.IsOpenAt(minute));
}

/// <summary>
/// An immutable index of the active stations: sorted into latitude bands of <see cref="RowHeightDegrees"/>, by
/// longitude within a band, so a bounding box is one binary search per band. A search starts with a small radius and
/// widens it only while fewer than `limit` matches lie inside, so a dense city centre reads a few dozen stations and an
/// empty countryside a few cheap bands. Distances come from unit vectors (chord length), exact on the sphere.
/// </summary>
public sealed class NearbySnapshot
{
    public const double RowHeightDegrees = 0.01;
    public const double FirstRadiusMeters = 1_000;

    private readonly int _firstRow;
    private readonly int[] _rowStart;
    private readonly double[] _lng;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly NearbyStation[] _stations;

    private NearbySnapshot(IReadOnlyCollection<NearbyStation> stations, FrozenDictionary<string, int> facilityBits,
        long version)
    {
        FacilityBits = facilityBits;
        Version = version;
        var count = stations.Count;
        _stations = new NearbyStation[count];
        var keys = new long[count];
        var i = 0;
        foreach (var station in stations)
        {
            _stations[i] = station;
            // Band first, then longitude in micro-degrees: one sort gives bands in order and each band sorted.
            keys[i] = ((long)Row(station.Latitude) << 32) | (uint)Math.Round((station.Longitude + 180) * 1e6);
            i++;
        }
        Array.Sort(keys, _stations);
        _lng = new double[count];
        _x = new double[count];
        _y = new double[count];
        _z = new double[count];
        for (i = 0; i < count; i++)
        {
            _lng[i] = _stations[i].Longitude;
            (_x[i], _y[i], _z[i]) = GeoMath.UnitVector(_stations[i].Latitude, _stations[i].Longitude);
        }
        _firstRow = count == 0 ? 0 : (int)(keys[0] >> 32);
        var rows = count == 0 ? 0 : (int)(keys[^1] >> 32) - _firstRow + 1;
        _rowStart = new int[rows + 1];
        var at = 0;
        for (var row = 0; row < rows; row++)
        {
            _rowStart[row] = at;
            while (at < count && (int)(keys[at] >> 32) - _firstRow == row) at++;
        }
        _rowStart[rows] = count;
    }

    public static NearbySnapshot Empty { get; } = new([], BitsFor([]), 0);

    /// <summary>Bit of each facility code in <see cref="NearbyStation.FacilityMask"/>.</summary>
    public FrozenDictionary<string, int> FacilityBits { get; }

    /// <summary>The station_index_version this snapshot includes every change up to.</summary>
    public long Version { get; }

    public int Count => _stations.Length;

    public static NearbySnapshot Build(IReadOnlyCollection<NearbyStation> stations,
        FrozenDictionary<string, int> facilityBits, long version) =>
        new(stations, facilityBits, version);

    /// <summary>One bit per facility, in the catalog's order (a ulong holds 64; the list has 14).</summary>
    public static FrozenDictionary<string, int> BitsFor(IReadOnlyList<string> facilityCodes) =>
        facilityCodes.Take(64).Select((code, bit) => (code, bit)).ToFrozenDictionary(p => p.code, p => p.bit,
            StringComparer.Ordinal);

    public List<NearbyHit> Search(double latitude, double longitude, double radiusMeters, NearbyFilter filter,
        int limit)
    {
        var (qx, qy, qz) = GeoMath.UnitVector(latitude, longitude);
        var best = new TopK(limit);
        var radius = Math.Min(radiusMeters, FirstRadiusMeters);
        while (true)
        {
            best.Clear();
            var inside = Scan(latitude, longitude, qx, qy, qz, radius, filter, best);
            if (inside >= limit || radius >= radiusMeters) break;
            radius = Math.Min(radiusMeters, radius * 4);
        }
        var hits = new List<NearbyHit>(best.Count);
        for (var k = 0; k < best.Count; k++) hits.Add(
            new NearbyHit(_stations[best.Index(k)], GeoMath.MetersFor(best.Key(k))));
        return hits;
    }

    private int Scan(double latitude, double longitude, double qx, double qy, double qz, double radius,
        NearbyFilter filter, TopK best)
    {
        if (_stations.Length == 0) return 0;
        var angle = radius / GeoMath.EarthRadiusMeters;
        var dLat = GeoMath.ToDegrees(angle);
        // The widest longitude span of a circle of this radius (exact on the sphere); near a pole, every longitude.
        var dLng = Math.Abs(latitude) + dLat >= 89.9
            ? 360
            : GeoMath.ToDegrees(Math.Asin(Math.Min(1, Math.Sin(angle) / Math.Cos(GeoMath.ToRadians(latitude)))));
        var minLng = longitude - dLng;
        var maxLng = longitude + dLng;
        var maxChordSquared = GeoMath.ChordSquaredFor(radius);
        var rowFrom = Math.Max(Row(latitude - dLat), _firstRow) - _firstRow;
        var rowTo = Math.Min(Row(latitude + dLat), _firstRow + _rowStart.Length - 2) - _firstRow;
        var inside = 0;
        for (var row = rowFrom; row <= rowTo; row++)
        {
            var end = _rowStart[row + 1];
            for (var i = LowerBound(_rowStart[row], end, minLng); i < end && _lng[i] <= maxLng; i++)
            {
                var dx = _x[i] - qx;
                var dy = _y[i] - qy;
                var dz = _z[i] - qz;
                var chordSquared = dx * dx + dy * dy + dz * dz;
                if (chordSquared > maxChordSquared || !filter.Matches(_stations[i])) continue;
                inside++;
                best.Offer(chordSquared, i);
            }
        }
        return inside;
    }

    private int LowerBound(int from, int to, double value)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (_lng[middle] < value) from = middle + 1;
            else to = middle;
        }
        return from;
    }

    private static int Row(double latitude) => (int)Math.Floor((latitude + 90) / RowHeightDegrees);

    /// <summary>The k smallest keys seen, kept sorted by insertion (k is at most 50).</summary>
    private sealed class TopK(int capacity)
    {
        private readonly double[] _keys = new double[capacity];
        private readonly int[] _indexes = new int[capacity];

        public int Count { get; private set; }

        public double Key(int k) => _keys[k];

        public int Index(int k) => _indexes[k];

        public void Clear() => Count = 0;

        public void Offer(double key, int index)
        {
            if (Count == capacity && key >= _keys[Count - 1]) return;
            var at = Count == capacity ? Count - 1 : Count++;
            while (at > 0 && _keys[at - 1] > key)
            {
                _keys[at] = _keys[at - 1];
                _indexes[at] = _indexes[at - 1];
                at--;
            }
            _keys[at] = key;
            _indexes[at] = index;
        }
    }
}
