namespace MiniApp.Api.IntegrationTests.Stations;

/// <summary>isOpenNow and openNow=true on a second API whose clock the test sets (China time, schedules past midnight).</summary>
[Collection(StationsCollection.Name)]
public sealed class OpenNowFacts(ApiFixture api) : IAsyncLifetime
{
    private readonly SettableClock _clock = new();
    private WebApplicationFactory<Program>? _node;

    public Task InitializeAsync()
    {
        _node = api.CreateFactory(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    private static readonly object FridayNight = new { allDay = false, weekly = new[] { new { days = new[] { 5 }, open = "20:00", close = "06:00" } } };
    private static readonly object OfficeHours = new { allDay = false, weekly = new[] { new { days = new[] { 1, 2, 3, 4, 5 }, open = "08:00", close = "18:00" } } };
    private static readonly object AllDay = new { allDay = true, afterHoursAccess = "face" };
    private static readonly object Unknown = new { allDay = false };

    [Theory]
    [InlineData("2026-12-05T02:00:00+08:00", "night,allday")]   // Saturday 02:00: Friday's night period is still running
    [InlineData("2026-12-05T06:00:00+08:00", "allday")]         // Saturday 06:00: it has just closed
    [InlineData("2026-12-04T10:00:00+08:00", "office,allday")]  // Friday 10:00
    [InlineData("2026-12-04T21:30:00+08:00", "night,allday")]   // Friday 21:30
    [InlineData("2026-12-06T23:00:00+08:00", "allday")]         // Sunday 23:00
    public async Task OpenNow_KeepsStationsOpenAtThatMomentInChinaTime(string now, string open)
    {
        var place = StationKit.NewPlace();
        using var admin = await api.StaffClientAsync();
        var ids = new Dictionary<long, string>
        {
            [await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 100, 0), openingHours: FridayNight))] = "night",
            [await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 200, 0), openingHours: OfficeHours))] = "office",
            [await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 300, 0), openingHours: AllDay))] = "allday",
            [await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 400, 0), openingHours: Unknown))] = "unknown",
        };
        _clock.Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        using var client = _node!.CreateClient();

        var all = await EventuallyAsync(client, StationKit.At(place), expectedCount: 4);
        var filtered = await client.NearbyAsync(StationKit.At(place) + "&openNow=true");

        Assert.Equal(open, string.Join(",", filtered.Select(s => ids[s.GetProperty("id").GetInt64()])));
        Assert.Equal(open.Split(','), all.Where(s => s.GetProperty("isOpenNow").GetBoolean()).Select(s => ids[s.GetProperty("id").GetInt64()]));
        Assert.True(all.Single(s => ids[s.GetProperty("id").GetInt64()] == "allday").GetProperty("allDay").GetBoolean());
    }

    /// <summary>The second node learns of stations made through the first within its refresh interval.</summary>
    private static async Task<List<JsonElement>> EventuallyAsync(HttpClient client, string query, int expectedCount)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stations = await client.NearbyAsync(query);
            if (stations.Count == expectedCount || attempt == 50) return stations;
            await Task.Delay(200);
        }
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
