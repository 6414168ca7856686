namespace MiniApp.Api.IntegrationTests.Limits;

/// <summary>With Redis down the shared limits hold per node in memory: the answers stay 401/400/429, never 500.</summary>
[Collection(LimitsCollection.Name)]
public sealed class RedisDownLimitFacts(ApiFixture api)
{
    [Fact]
    public async Task Limits_HoldInMemory_AndLogItOnce_WhenRedisIsDown()
    {
        var worker = await api.LoginWorkerAsync();
        var (username, _) = await api.CreateAsync("union_reviewer", unionId: 2);
        var before = api.Logs.Lines.Count(IsFallbackLine);
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200",
            ["RateLimits:StaffLoginPerAddress:PermitLimit"] = "7",
            ["RateLimits:WorkerWritesPerAccount:PermitLimit"] = "2",
        });
        using var office = factory.ClientFrom("198.51.100.30");

        var logins = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) logins.Add((await office.StaffLoginAsync(username, i < 5 ? "typo" : TestStaff.Password)).StatusCode);
        using var workerClient = factory.ClientFrom("198.51.100.31", worker.Token);
        var writes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) writes.Add((await workerClient.PostAsJsonAsync("/api/applications", new { })).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], logins);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], writes);
        Assert.Equal(1, api.Logs.Lines.Count(IsFallbackLine) - before);
    }

    private static bool IsFallbackLine(string line) => line.Contains("limits fall back to this node's memory", StringComparison.Ordinal);
}
