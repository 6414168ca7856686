namespace MiniApp.Api.IntegrationTests.Stations;

/// <summary>
/// Stations made through the API for one test. Every nearby test takes a place of its own (1° of latitude and 2° of longitude apart, far north of 新平),
/// so searches of up to 50 km never see another test's stations, whatever ran before.
/// </summary>
internal static class StationKit
{
    private static int _nextPlace;

    public const double EarthRadiusMeters = 6_371_008.8;

    public static (double Lat, double Lng) NewPlace()
    {
        var k = Interlocked.Increment(ref _nextPlace);
        return (36.5 + k / 20 % 10 * 1.0, 80.5 + k % 20 * 2.0);
    }

    /// <summary>The point metres away from (lat, lng) along a bearing, rounded as the database stores it.</summary>
    public static (decimal Lat, decimal Lng) Offset((double Lat, double Lng) from, double meters, double bearingDegrees)
    {
        var bearing = bearingDegrees * Math.PI / 180;
        var dLat = meters * Math.Cos(bearing) / 111_320;
        var dLng = meters * Math.Sin(bearing) / (111_320 * Math.Cos(from.Lat * Math.PI / 180));
        return (Math.Round((decimal)(from.Lat + dLat), 6), Math.Round((decimal)(from.Lng + dLng), 6));
    }

    /// <summary>An independent haversine for the assertions.</summary>
    public static double Haversine(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(h));
    }

    public static string NewCode() => "N" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();

    public static object Body(string code, (decimal Lat, decimal Lng) at, string type = "union_post", string[]? facilities = null,
        object? openingHours = null, long? owningUnionId = null, string name = "测试驿站") => new
        {
            code,
            name,
            type,
            address = "测试地址1号",
            regionCode = "530427001",
            latitude = at.Lat,
            longitude = at.Lng,
            facilities = facilities ?? [],
            openingHours = openingHours ?? new { allDay = true, afterHoursAccess = "scan_qr" },
            phone = "0877-7000000",
            owningUnionId,
        };

    public static async Task<HttpClient> StaffClientAsync(this ApiFixture api, string role = StaffRoles.CountyAdmin, long unionId = 1)
    {
        var (username, _) = await api.CreateAsync(role, unionId, role == StaffRoles.DepartmentViewer ? "transport" : null);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    /// <summary>Creates a station through POST /api/staff/stations and answers its id.</summary>
    public static async Task<long> CreateAsync(this HttpClient staff, object body)
    {
        var response = await staff.PostAsJsonAsync("/api/staff/stations", body);
        var created = await response.AssertOkJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return created.GetProperty("id").GetInt64();
    }

    public static async Task<List<JsonElement>> NearbyAsync(this HttpClient client, string query)
    {
        var body = await (await client.GetAsync("/api/stations/nearby?" + query)).AssertOkJsonAsync();
        return body.GetProperty("stations").EnumerateArray().ToList();
    }

    public static string At((double Lat, double Lng) place) => FormattableString.Invariant($"lat={place.Lat:0.000000}&lng={place.Lng:0.000000}");
}
