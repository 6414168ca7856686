namespace MiniApp.Api.IntegrationTests.Stations;

[Collection(StationsCollection.Name)]
public sealed class NearbyFacts(ApiFixture api)
{
    private static long Id(JsonElement station) => station.GetProperty("id").GetInt64();

    [Fact]
    public async Task Nearby_OrdersByDistance_WithTheHaversineDistance()
    {
        var place = StationKit.NewPlace();
        using var admin = await api.StaffClientAsync();
        var spots = new (double Meters, double Bearing)[] { (4_400, 10), (350, 200), (2_100, 95), (1_200, 300), (3_300, 170), (60, 45) };
        var created = new List<(long Id, decimal Lat, decimal Lng)>();
        foreach (var (meters, bearing) in spots)
        {
            var at = StationKit.Offset(place, meters, bearing);
            created.Add((await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), at)), at.Lat, at.Lng));
        }

        var found = await api.CreateClient().NearbyAsync(StationKit.At(place) + "&radiusKm=5");

        var expected = created.Select(s => (s.Id, Meters: StationKit.Haversine(place.Lat, place.Lng, (double)s.Lat, (double)s.Lng)))
            .OrderBy(s => s.Meters).ToList();
        Assert.Equal(expected.Select(e => e.Id), found.Select(Id));
        foreach (var (station, want) in found.Zip(expected))
            Assert.InRange(station.GetProperty("distanceMeters").GetInt32(), want.Meters - 1, want.Meters + 1);
    }

    [Fact]
    public async Task Nearby_KeepsToTheRadius_5KmByDefault_AndToTheLimit()
    {
        var place = StationKit.NewPlace();
        using var admin = await api.StaffClientAsync();
        var near = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 3_000, 0)));
        var middle = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 7_000, 90)));
        var far = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 45_000, 180)));
        using var client = api.CreateClient();

        Assert.Equal([near], (await client.NearbyAsync(StationKit.At(place))).Select(Id));
        Assert.Equal([near, middle], (await client.NearbyAsync(StationKit.At(place) + "&radiusKm=10")).Select(Id));
        Assert.Equal([near, middle, far], (await client.NearbyAsync(StationKit.At(place) + "&radiusKm=50")).Select(Id));
        Assert.Equal([near], (await client.NearbyAsync(StationKit.At(place) + "&radiusKm=50&limit=1")).Select(Id));
    }

    [Fact]
    public async Task Nearby_FiltersByType_AndByEveryFacilityAskedFor()
    {
        var place = StationKit.NewPlace();
        using var admin = await api.StaffClientAsync();
        var both = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 500, 0), "driver_home", ["charging", "wifi"]));
        var charging = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 1_000, 0), "union_post", ["charging"]));
        var wifi = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 1_500, 0), "driver_home", ["wifi", "toilet"]));
        using var client = api.CreateClient();

        Assert.Equal([both, wifi], (await client.NearbyAsync(StationKit.At(place) + "&type=driver_home")).Select(Id));
        Assert.Equal([both, charging], (await client.NearbyAsync(StationKit.At(place) + "&facility=charging")).Select(Id));
        Assert.Equal([both], (await client.NearbyAsync(StationKit.At(place) + "&facility=charging&facility=wifi")).Select(Id));
        Assert.Empty(await client.NearbyAsync(StationKit.At(place) + "&type=union_post&facility=wifi"));
        var first = (await client.NearbyAsync(StationKit.At(place) + "&limit=1")).Single();
        Assert.Equal(["charging", "wifi"], first.GetProperty("facilities").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("driver_home", first.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("lng=101.99", "lat")]
    [InlineData("lat=abc&lng=101.99", "lat")]
    [InlineData("lat=NaN&lng=101.99", "lat")]
    [InlineData("lat=60&lng=101.99", "lat")]
    [InlineData("lat=24.07&lng=150", "lng")]
    [InlineData("lat=24.07&lng=-101.99", "lng")]
    [InlineData("lat=24.07&lng=101.99&radiusKm=51", "radiusKm")]
    [InlineData("lat=24.07&lng=101.99&radiusKm=0", "radiusKm")]
    [InlineData("lat=24.07&lng=101.99&limit=51", "limit")]
    [InlineData("lat=24.07&lng=101.99&type=airport", "type")]
    [InlineData("lat=24.07&lng=101.99&facility=helipad", "facility")]
    [InlineData("lat=24.07&lng=101.99&openNow=yes", "openNow")]
    public async Task Nearby_RefusesBadParameters_WithTheFieldNamed(string query, string field)
    {
        var problem = await (await api.CreateClient().GetAsync("/api/stations/nearby?" + query))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Nearby_NeverLogsTheCallersLocation_AndAsksCachesNotToStoreIt()
    {
        var place = StationKit.NewPlace();
        var lat = FormattableString.Invariant($"{place.Lat + 0.123457:0.000000}");
        var lng = FormattableString.Invariant($"{place.Lng + 0.765431:0.000000}");

        var response = await api.CreateClient().GetAsync($"/api/stations/nearby?lat={lat}&lng={lng}&radiusKm=2");
        await response.AssertOkJsonAsync();

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(lat[..^2]) || line.Contains(lng[..^2]));
    }
}
