using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>A database that cannot be reached, drops the connection or times out answers 503 with Retry-After, never 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseOutageFacts(ApiFixture api)
{
    [Fact]
    public async Task Requests_Answer503DatabaseUnavailable_WhenTheDatabaseCannotBeReached()
    {
        var closed = new MySqlConnectionStringBuilder(api.Database.ConnectionString) { Port = (uint)ClosedPort(), ConnectionTimeout = 2 };
        await using var factory = api.CreateFactory(builder =>
        {
            builder.UseSetting("ConnectionStrings:MySql", closed.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
        });
        using var client = factory.CreateClient();
        var code = await api.NewLoginCodeAsync();

        await AssertUnavailableAsync(await client.PostJsonAsync("/api/staff/auth/login", new { username = "xp-admin", password = "x" }));
        await AssertUnavailableAsync(await client.PostJsonAsync("/api/auth/login", new { code = code.Code }));
        await AssertUnavailableAsync(await client.GetAsync("/api/reference"));

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.ReadJsonAsync();
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("mysql").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetString());
        Assert.Equal(["mysql"], body.GetProperty("down").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Requests_Answer503DatabaseUnavailable_WhenACommandTimesOut()
    {
        var (username, _) = await api.CreateAsync("county_admin", 1);
        var impatient = new MySqlConnectionStringBuilder(api.Database.ConnectionString) { DefaultCommandTimeout = 1 };
        await using var factory = api.CreateFactory(builder => builder.UseSetting("ConnectionStrings:MySql", impatient.ConnectionString));
        using var client = factory.CreateClient();

        await using var holder = await api.Database.OpenAsync();
        await holder.ExecuteAsync("LOCK TABLES staff WRITE");
        var response = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password });
        await holder.ExecuteAsync("UNLOCK TABLES");

        await AssertUnavailableAsync(response);
    }

    [Fact]
    public async Task Requests_Answer503DatabaseUnavailable_WhenTheConnectionBreaks()
    {
        var (username, _) = await api.CreateAsync("county_admin", 1);
        using var client = api.CreateClient();

        await using var holder = await api.Database.OpenAsync();
        await holder.ExecuteAsync("LOCK TABLES staff WRITE");
        var login = client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password });
        // The API's connection waits for the table; kill it as a restarting server or a failing network would.
        long? victim = null;
        // Waits for a condition, not for a time: as long as the login is still waiting, however slow the machine.
        for (var i = 0; i < 2_400 && victim is null && !login.IsCompleted; i++)
        {
            victim = await holder.ExecuteScalarAsync<long?>("""
                SELECT ID FROM information_schema.PROCESSLIST
                WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO LIKE '%FROM staff%'
                LIMIT 1
                """);
            if (victim is null) await Task.Delay(25);
        }
        Assert.NotNull(victim);
        await holder.ExecuteAsync($"KILL CONNECTION {victim}");
        await holder.ExecuteAsync("UNLOCK TABLES");

        await AssertUnavailableAsync(await login);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
