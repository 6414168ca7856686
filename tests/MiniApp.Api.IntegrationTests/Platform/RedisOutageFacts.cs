using Microsoft.AspNetCore.Hosting;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// Redis down: what needs it (the jobs dashboard and its sign-in link) answers 503 cache_unavailable with Retry-After;
/// what can do without it (joining, reviewing) goes on.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisOutageFacts(ApiFixture api)
{
    private WebApplicationFactory<Program> WithoutRedis() => api.CreateFactory(builder =>
        builder.UseSetting("ConnectionStrings:Redis", $"127.0.0.1:{DatabaseOutageFacts.ClosedPort()}"));

    [Fact]
    public async Task Dashboard_Answers503CacheUnavailable_WhenRedisIsDown()
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var token = await api.StaffTokenAsync(admin);
        await using var factory = WithoutRedis();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        await AssertUnavailableAsync(await client.GetAsync("/hangfire"));
        await AssertUnavailableAsync(await client.GetAsync("/hangfire/recurring"));
        var link = await (await client.PostAsync("/api/staff/hangfire-token", null)).AssertOkJsonAsync();
        client.DefaultRequestHeaders.Authorization = null;
        await AssertUnavailableAsync(await client.GetAsync(link.GetProperty("url").GetString()));

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(["redis"], (await ready.ReadJsonAsync()).GetProperty("down").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Joining_GoesOn_WhenRedisIsDown()
    {
        await using var factory = WithoutRedis();
        using var anonymous = factory.CreateClient();
        var code = await api.NewLoginCodeAsync();
        var login = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        using var worker = factory.CreateClient();
        worker.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("token").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone())),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var submitted = await worker.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/reference")).StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "cache_unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
    }
}
