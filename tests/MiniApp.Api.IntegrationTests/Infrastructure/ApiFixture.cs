using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StackExchange.Redis;

namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>
/// One API for the whole run, on a database of its own, against the in-process WeChat sandbox and the real Redis.
/// Tests that share it make their own users and staff, so they never depend on one another's data.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private SandboxHost? _sandbox;
    private WebApplicationFactory<Program>? _factory;
    private readonly string _redisPrefix = $"miniapp-test-{Guid.NewGuid():N}:";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Every Redis key of this run starts with it (and is deleted at the end).</summary>
    public string RedisPrefix => _redisPrefix;
    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");
    internal SandboxHost Sandbox => _sandbox ?? throw new InvalidOperationException("Not started.");
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public static readonly string PrivacyKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly string LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // The groups start side by side, and the API's own start-up migration takes Evolve's lock, which is one for
        // the whole server: migrating here, without it, lets their databases migrate at once. The API then finds
        // nothing left to do.
        var migrated = _database.MigrateAsync();
        _sandbox = await SandboxHost.StartAsync();
        await migrated;
        _factory = CreateFactory(_ => { });
        // Start the host now: it checks the migrations at start-up.
        _ = _factory.Server;
    }

    /// <summary>A second API over the same database and sandbox, with some settings or services changed.</summary>
    public WebApplicationFactory<Program> CreateFactory(Action<IWebHostBuilder> configure) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // A factory switched to Kestrel (UseKestrel(0) on a factory from WithWebHostBuilder) would otherwise listen
            // on Kestrel's default port 5000, which another group, or another run on this machine, may hold.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:MySql", Database.ConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", TestSettings.Redis);
            builder.UseSetting("Redis:InstanceName", _redisPrefix);
            builder.UseSetting("WeChat:BaseUrl", Sandbox.BaseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("WeChat:AppId", TestSettings.AppId);
            builder.UseSetting("WeChat:AppSecret", TestSettings.AppSecret);
            builder.UseSetting("WeChat:MaxRetries", "1");
            // Tests run jobs by calling them; a Hangfire server would also pick them up on its own schedule.
            builder.UseSetting("Hangfire:ServerEnabled", "false");
            builder.UseSetting("Auth:SigningKey", SigningKey);
            builder.UseSetting("Privacy:ActiveKeyId", "t1");
            builder.UseSetting("Privacy:Keys:t1", PrivacyKey);
            builder.UseSetting("Privacy:LookupKey", LookupKey);
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
            // Every test sends from the same in-process address: limits far above what the suite sends. Tests of the
            // limits (and the fuzz run) set their own after these.
            foreach (var (key, value) in HighLimits) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestPeerAddress>());
            configure(builder);
        });

    /// <summary>The settings CreateFactory starts every API with, so that no test of something else meets a limit.</summary>
    public static readonly IReadOnlyDictionary<string, string> HighLimits = new Dictionary<string, string>
    {
        ["RateLimits:WorkerLoginPerAddress:PermitLimit"] = "1000000",
        ["RateLimits:NearbyPerAddress:PermitLimit"] = "1000000",
        ["RateLimits:StaffLoginPerAddress:PermitLimit"] = "1000000",
        ["RateLimits:WorkerWritesPerAccount:PermitLimit"] = "1000000",
        ["RateLimits:WorkerWritesPerAccountDaily:PermitLimit"] = "1000000",
        ["Auth:PasswordHashQueue"] = "10000",
    };

    /// <summary>The keyed hash the API stores for a value (HMAC-SHA256 under the test look-up key).</summary>
    public string LookupHash(string value, string purpose) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(LookupKey), System.Text.Encoding.UTF8.GetBytes($"{purpose}:{value}")));

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = Factory.CreateClient();
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>Asks the sandbox for a wx.login code, as the mini-program would get one.</summary>
    public async Task<SandboxLoginCode> NewLoginCodeAsync(string? openId = null)
    {
        var response = await Sandbox.Client.PostAsJsonAsync("/__sandbox/login-codes", new { openid = openId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SandboxLoginCode>())!;
    }

    public async Task InjectFaultAsync(string api, int? errcode = null, int? httpStatus = null, int times = 1)
    {
        var response = await Sandbox.Client.PostAsJsonAsync("/__sandbox/faults", new { api, errcode, httpStatus, times });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestSettings.Redis);
        var server = redis.GetServers().First();
        await foreach (var key in server.KeysAsync(pattern: _redisPrefix + "*")) await redis.GetDatabase().KeyDeleteAsync(key);
    }
}

public sealed record SandboxLoginCode(string Code, string OpenId, string SessionKey);
