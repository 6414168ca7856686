using System.Globalization;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Server;
using MiniApp.Api.IntegrationTests.Notifications;
using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// /metrics in Prometheus text: request metrics, the jobs' metrics and the outbox and application gauges, read from a
/// database of this class's own so the figures are exactly the rows the tests made. Loopback may read it; others not.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsFacts(ApiFixture api) : IAsyncLifetime
{
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    // Whole seconds, as MySQL keeps microseconds: the ages the gauges report are then exact.
    private readonly SettableClock _clock =
        new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");
    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = api.CreateFactory(builder =>
        {
            builder.UseSetting("ConnectionStrings:MySql", _database.ConnectionString);
            // Every scrape reads the figures afresh, so a test sees the rows it has just written.
            builder.UseSetting("Telemetry:FiguresCacheDuration", "00:00:00");
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task Scrape_ShowsRequestMetrics_ByRouteAndStatus()
    {
        using var client = Factory.CreateClient().From("127.0.0.1");
        await (await client.GetAsync("/api/reference")).AssertOkJsonAsync();

        var metrics = await ScrapeAsync(client);

        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_count{")
            && line.Contains("http_route=\"/api/reference\"") && line.Contains("http_response_status_code=\"200\""));
        Assert.DoesNotContain(metrics.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds")
            && line.Contains("http_route=\"/metrics\""));
    }

    [Fact]
    public async Task Scrape_ShowsTheOutboxFigures_OfTheRowsInTheDatabase()
    {
        var now = _clock.Now.UtcDateTime;
        await InsertOutboxAsync("pending", now.AddMinutes(-90), count: 2);
        await InsertOutboxAsync("sending", now.AddMinutes(-10), count: 1);
        await InsertOutboxAsync("dead", now.AddDays(-3), count: 4);
        await InsertOutboxAsync("sent", now.AddDays(-5), count: 3);
        await InsertOutboxAsync("no_grant", now.AddDays(-5), count: 1);
        using var client = Factory.CreateClient().From("127.0.0.1");

        var metrics = await ScrapeAsync(client);

        Assert.Equal(3, Value(metrics, "miniapp_outbox_pending"));
        Assert.Equal(4, Value(metrics, "miniapp_outbox_dead"));
        Assert.Equal(90 * 60, Value(metrics, "miniapp_outbox_oldest_pending_age_seconds"));
    }

    [Fact]
    public async Task Scrape_ShowsApplicationsWaiting_PerReceivingUnion()
    {
        using var anonymous = Factory.CreateClient();
        await SubmitAsync(anonymous, "truck_driver");
        await SubmitAsync(anonymous, "truck_driver");
        await SubmitAsync(anonymous, "courier", platform: "顺丰");
        _clock.Now += TimeSpan.FromHours(2);
        await using var db = await Database.OpenAsync();
        var expected = (await db.QueryAsync<(string Code, long Waiting)>("""
            SELECT o.code, COUNT(*) FROM applications a JOIN organizations o ON o.id = a.receiving_union_id
            WHERE a.status = 'submitted' GROUP BY o.code
            """)).ToList();
        using var client = Factory.CreateClient().From("127.0.0.1");

        var metrics = await ScrapeAsync(client);

        Assert.Equal(3, expected.Sum(e => e.Waiting));
        foreach (var (code, waiting) in expected)
        {
            Assert.Equal(waiting, Value(metrics, "miniapp_applications_waiting", $"union=\"{code}\""));
            Assert.Equal(2 * 3600,
                Value(metrics, "miniapp_applications_oldest_waiting_age_seconds", $"union=\"{code}\""));
        }
    }

    [Fact]
    public async Task Scrape_ShowsTheDurationOfAJob_RunAsTheHangfireServerRunsIt()
    {
        using var client = Factory.CreateClient().From("127.0.0.1");
        var before = Value(await ScrapeAsync(client), "miniapp_job_duration_seconds_count",
            "job=\"OutboxDispatchJob\"", "outcome=\"succeeded\"") ?? 0;

        await PerformAsync<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));

        var metrics = await ScrapeAsync(client);
        Assert.Equal(before + 1, Value(metrics, "miniapp_job_duration_seconds_count",
            "job=\"OutboxDispatchJob\"", "outcome=\"succeeded\""));
        Assert.Null(Value(metrics, "miniapp_job_failures_total", "job=\"OutboxDispatchJob\""));
    }

    [Fact]
    public async Task Scrape_StillAnswers_WithoutTheFigures_WhenTheDatabaseIsDown()
    {
        var closed = new MySqlConnectionStringBuilder(Database.ConnectionString)
        {
            Port = (uint)DatabaseOutageFacts.ClosedPort(), ConnectionTimeout = 2,
        };
        await using var factory = api.CreateFactory(builder =>
        {
            builder.UseSetting("ConnectionStrings:MySql", closed.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            // Longer than the connection timeout: this scrape sees the read fail, however slow the machine.
            builder.UseSetting("Telemetry:FiguresReadTimeout", "00:00:20");
        });
        using var client = factory.CreateClient().From("127.0.0.1");

        var metrics = await ScrapeAsync(client);

        Assert.Null(Value(metrics, "miniapp_outbox_pending"));
        Assert.True(Value(metrics, "miniapp_figures_read_failures_total") >= 1);
        Assert.Contains("dotnet_gc_collections_total", metrics);
    }

    [Theory]
    [InlineData("203.0.113.7", null)]
    [InlineData("127.0.0.1", "198.51.100.4")]
    [InlineData(null, null)]
    public async Task Scrape_IsRefused_FromOutsideTheAllowedNetworks(string? peer, string? forwardedFor)
    {
        using var client = Factory.CreateClient();
        if (peer is not null) client.From(peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);

        var response = await client.GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Scrape_FollowsTheConfiguredNetworks()
    {
        await using var factory = api.CreateFactory(builder =>
            builder.UseSetting("Telemetry:MetricsAllowedNetworks", "10.20.0.0/16, 192.0.2.9"));

        foreach (var (peer, allowed) in new[] { ("10.20.3.4", true), ("192.0.2.9", true), ("127.0.0.1", false) })
        {
            using var client = factory.CreateClient().From(peer);
            var response = await client.GetAsync("/metrics");
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        return body;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with all of <paramref name="labels"/>.</summary>
    private static double? Value(string metrics, string name, params string[] labels)
    {
        var samples = metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{") || line.StartsWith(name + " "))
            .Where(line => labels.All(line.Contains))
            .ToList();
        if (samples.Count == 0) return null;
        var sample = Assert.Single(samples);
        var afterLabels = sample.Contains('}') ? sample[(sample.LastIndexOf('}') + 1)..] : sample[name.Length..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task InsertOutboxAsync(string status, DateTime createdAt, int count)
    {
        await using var db = await Database.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            // Never due: a dispatcher run in another test of this class leaves them as they are.
            await db.ExecuteAsync("""
                INSERT INTO notification_outbox (kind, recipient_type, recipient_id, template_key, fields, status,
                    next_attempt_at, created_at, updated_at)
                VALUES ('review_digest', 'staff', 1, 'ReviewReminder', '{}', @status, @due, @createdAt, @createdAt)
                """, new { status, due = createdAt.AddYears(10), createdAt });
        }
    }

    private async Task SubmitAsync(HttpClient client, string group, string? platform = null)
    {
        var code = await api.NewLoginCodeAsync();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { code = code.Code }))
            .AssertOkJsonAsync();
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group, platform: platform);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications");
        request.Content = JsonContent.Create(form);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        await (await client.SendAsync(request)).AssertOkJsonAsync();
    }

    /// <summary>Performs a job through Hangfire's performer with this host's filters and activator.</summary>
    private async Task PerformAsync<T>(System.Linq.Expressions.Expression<Func<T, Task>> call)
    {
        var services = Factory.Services;
        var performer = new BackgroundJobPerformer(services.GetRequiredService<IJobFilterProvider>(),
            new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        var storage = services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var job = new BackgroundJob("metrics-test", Job.FromExpression(call), DateTime.UtcNow);
        var context = new PerformContext(storage, connection, job, new JobCancellationToken(false));
        await Task.Run(() => performer.Perform(context));
    }
}
