using Microsoft.AspNetCore.Hosting;

namespace MiniApp.Api.IntegrationTests.Fuzz;

/// <summary>
/// An API of its own for the fuzzer, on a real Kestrel server (its limits are part of what is fuzzed) and a database of
/// its own: hostile requests as a county admin change and disable things, and no other test should see that. A few
/// records exist so that ids in paths reach real rows.
/// </summary>
public sealed class FuzzStack : IAsyncLifetime
{
    private readonly ApiFixture _api = new();
    private WebApplicationFactory<Program>? _kestrel;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Values for path and query parameters, by "path:name" or by name.</summary>
    public Dictionary<string, string> Ids { get; } = new();

    /// <summary>Ids for counting the requests without a running stack.</summary>
    public static IReadOnlyDictionary<string, string> PlaceholderIds { get; } = new Dictionary<string, string>();

    public CapturedLogs Logs => _api.Logs;

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        // Limits are raised for every factory (ApiFixture.HighLimits); the login lock and slow-down too, so that the hostile
        // variants of a login reach the handler instead of stopping at account_locked after five.
        _kestrel = _api.CreateFactory(builder =>
        {
            builder.UseSetting("Auth:MaxFailedLogins", "100");
            builder.UseSetting("Auth:SlowDownAfter", "100000");
        });
        _kestrel.UseKestrel(0);
        _kestrel.StartServer();
        Client = _kestrel.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = _kestrel.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false,
        });
        Client.Timeout = TimeSpan.FromSeconds(60);

        var station = await _api.CreateStationAsync(1);
        var enterprise = await _api.InsertAsync();
        var worker = await _api.LoginWorkerAsync();
        var application = await _api.SubmitAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));
        var (victim, victimId) = await _api.CreateAsync(StaffRoles.UnionReviewer, 2);
        _ = victim;
        Ids["/api/stations/{id}:id"] = Ids["/api/staff/stations/{id}:id"] = Ids["/api/staff/stations/{id}/status:id"] =
            Ids["/api/staff/stations/{id}/qrcode:id"] = station.Id.ToString();
        Ids["/api/stations/by-scene/{scene}:scene"] = Uri.EscapeDataString("s=" + station.Code);
        Ids["/api/staff/enterprises/{id}:id"] = Ids["/api/staff/enterprises/{id}/steps:id"] =
            Ids["/api/staff/enterprises/{id}/reveal-contact:id"] = enterprise.ToString();
        foreach (var path in new[] { "", "/approve", "/reject", "/transfer", "/reveal", "/withdraw" })
        {
            Ids[$"/api/staff/applications/{{id}}{path}:id"] = application.GetProperty("id").GetInt64().ToString();
        }
        foreach (var path in new[] { "/disable", "/enable", "/reset-password" }) Ids[$"/api/staff/accounts/{{id}}{path}:id"] = victimId.ToString();
        Ids["lat"] = "24.07";
        Ids["lng"] = "101.99";
    }

    /// <summary>A county admin's and a worker's token, new for each operation (an operation may disable or lock what it is given).</summary>
    public async Task<(string Staff, string Worker)> TokensAsync()
    {
        var (admin, _) = await _api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var worker = await _api.LoginWorkerAsync();
        return (await _api.StaffTokenAsync(admin), worker.Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_kestrel is not null) await _kestrel.DisposeAsync();
        await _api.DisposeAsync();
    }
}
