using MiniApp.Api.Stations;

namespace MiniApp.Api.Tests.Stations;

/// <summary>The in-memory search against a brute-force scan of every station with an independent haversine.</summary>
public sealed class NearbySnapshotFacts
{
    private static readonly string[] Facilities = ["drinking_water", "meal_heating", "charging", "toilet", "rest", "shower"];
    private static readonly string[] Types = ["driver_home", "union_post", "workers_home", "other"];
    private static readonly WeeklySchedule[] Schedules =
    [
        WeeklySchedule.AlwaysOpen,
        new OpeningHours(false, [new OpeningHours.Period([1, 2, 3, 4, 5], "08:00", "18:00")], null).ToSchedule(),
        new OpeningHours(false, [new OpeningHours.Period([6, 7], "20:00", "06:00")], null).ToSchedule(),
        WeeklySchedule.NeverKnownOpen,
    ];

    private static List<NearbyStation> RandomStations(Random random, int count)
    {
        var stations = new List<NearbyStation>();
        for (var i = 0; i < count; i++)
        {
            // Half in a dense "city" around (30.6, 104.06), half spread over a wide box.
            var (lat, lng) = i % 2 == 0
                ? (30.6 + (random.NextDouble() - 0.5) * 0.6, 104.06 + (random.NextDouble() - 0.5) * 0.7)
                : (22 + random.NextDouble() * 20, 98 + random.NextDouble() * 24);
            stations.Add(new NearbyStation(i + 1, Math.Round(lat, 6), Math.Round(lng, 6), Types[random.Next(Types.Length)],
                (ulong)random.Next(1 << Facilities.Length), Schedules[random.Next(Schedules.Length)], [], []));
        }
        return stations;
    }

    private static NearbySnapshot Build(List<NearbyStation> stations) =>
        NearbySnapshot.Build(stations, NearbySnapshot.BitsFor(Facilities), version: 7);

    [Fact]
    public void Search_MatchesABruteForceScan_ForRandomQueriesAndFilters()
    {
        var random = new Random(20260501);
        var stations = RandomStations(random, 20_000);
        var snapshot = Build(stations);

        for (var q = 0; q < 400; q++)
        {
            var (lat, lng) = q % 2 == 0
                ? (30.6 + (random.NextDouble() - 0.5) * 0.6, 104.06 + (random.NextDouble() - 0.5) * 0.7)
                : (22 + random.NextDouble() * 20, 98 + random.NextDouble() * 24);
            var radius = new[] { 300.0, 1_000, 5_000, 20_000, 50_000 }[q % 5];
            var limit = new[] { 1, 5, 20, 50 }[q % 4];
            var filter = new NearbyFilter(q % 3 == 0 ? Types[q % 4] : null, q % 4 == 0 ? 0b101UL : 0, q % 5 == 0 ? 600 : null);

            var expected = stations
                .Select(s => (s.Id, Meters: GeoMath.HaversineMeters(lat, lng, s.Latitude, s.Longitude)))
                .Where(p => p.Meters <= radius && filter.Matches(stations[(int)p.Id - 1]))
                .OrderBy(p => p.Meters).Take(limit).ToList();
            var actual = snapshot.Search(lat, lng, radius, filter, limit);

            Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.Station.Id));
            for (var i = 0; i < actual.Count; i++) Assert.Equal(expected[i].Meters, actual[i].Meters, 0.01);
        }
    }

    [Fact]
    public void Search_InADenseCity_ReadsOnlyTheNearestRadius()
    {
        // 2,000 stations within about 300 m: the first 1 km pass already holds 20, so the 50 km radius is never scanned.
        var random = new Random(7);
        var stations = Enumerable.Range(1, 2_000).Select(i => new NearbyStation(i, 31.23 + (random.NextDouble() - 0.5) * 0.005,
            121.47 + (random.NextDouble() - 0.5) * 0.005, "union_post", 0, WeeklySchedule.AlwaysOpen, [], [])).ToList();
        stations.Add(new NearbyStation(9_999, 31.5, 121.9, "union_post", 0, WeeklySchedule.AlwaysOpen, [], []));

        var hits = Build(stations).Search(31.23, 121.47, 50_000, default, 20);

        Assert.Equal(20, hits.Count);
        Assert.All(hits, h => Assert.True(h.Meters < 400));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Meters <= p.Second.Meters));
    }

    [Fact]
    public void Search_OnAnEmptyIndex_FindsNothing()
    {
        Assert.Empty(NearbySnapshot.Empty.Search(24.07, 101.99, 50_000, default, 20));
    }

    [Theory]
    [InlineData(39.9042, 116.4074, 31.2304, 121.4737, 1_067_000)] // Beijing – Shanghai, about 1,067 km
    [InlineData(24.070512, 101.990334, 24.061808, 101.979215, 1_487)] // two 新平 stations: 968 m north, 1,129 m east
    public void Haversine_GivesKnownDistances(double lat1, double lng1, double lat2, double lng2, double meters)
    {
        Assert.Equal(meters, GeoMath.HaversineMeters(lat1, lng1, lat2, lng2), meters * 0.01);
        var (x1, y1, z1) = GeoMath.UnitVector(lat1, lng1);
        var (x2, y2, z2) = GeoMath.UnitVector(lat2, lng2);
        var chord = (x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2) + (z1 - z2) * (z1 - z2);
        Assert.Equal(GeoMath.HaversineMeters(lat1, lng1, lat2, lng2), GeoMath.MetersFor(chord), 0.001);
    }
}
