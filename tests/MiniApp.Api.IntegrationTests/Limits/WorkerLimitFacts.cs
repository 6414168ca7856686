using Microsoft.Extensions.Time.Testing;

namespace MiniApp.Api.IntegrationTests.Limits;

/// <summary>Worker login and nearby per client address (generous); submit, resubmit and phone binding per account (tight).</summary>
[Collection(LimitsCollection.Name)]
public sealed class WorkerLimitFacts(ApiFixture api)
{
    private const string Nearby = "/api/stations/nearby?lat=24.0966&lng=101.9905&radiusKm=5";

    [Fact]
    public async Task WorkerLogin_Answers429RateLimited_AfterTheAddressLimit()
    {
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:WorkerLoginPerAddress:PermitLimit"] = "2",
            ["RateLimits:WorkerLoginPerAddress:Window"] = "00:10:00",
        });
        using var wifi = factory.ClientFrom("203.0.113.10");
        for (var i = 0; i < 2; i++)
        {
            var code = await api.NewLoginCodeAsync();
            await (await wifi.PostAsJsonAsync("/api/auth/login", new { code = code.Code })).AssertOkJsonAsync();
        }

        var refused = await wifi.PostAsJsonAsync("/api/auth/login", new { code = (await api.NewLoginCodeAsync()).Code });

        Assert.InRange(await refused.AssertTooManyAsync("rate_limited"), 1, 600);
        using var carrier = factory.ClientFrom("203.0.113.11");
        await (await carrier.PostAsJsonAsync("/api/auth/login", new { code = (await api.NewLoginCodeAsync()).Code })).AssertOkJsonAsync();
    }

    [Fact]
    public async Task Nearby_Answers429RateLimited_AfterTheAddressLimit_EachAddressOnItsOwn()
    {
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:NearbyPerAddress:PermitLimit"] = "3",
            ["RateLimits:NearbyPerAddress:Window"] = "00:01:00",
        });
        using var first = factory.ClientFrom("203.0.113.20");
        using var second = factory.ClientFrom("203.0.113.21");
        for (var i = 0; i < 3; i++) await (await first.GetAsync(Nearby)).AssertOkJsonAsync();

        Assert.InRange(await (await first.GetAsync(Nearby)).AssertTooManyAsync("rate_limited"), 1, 60);
        await (await second.GetAsync(Nearby)).AssertOkJsonAsync();
    }

    [Fact]
    public async Task WorkerWrites_Answer429RateLimited_AfterTheAccountLimit_SubmitResubmitAndPhoneTogether()
    {
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:WorkerWritesPerAccount:PermitLimit"] = "3",
            ["RateLimits:WorkerWritesPerAccount:Window"] = "00:10:00",
        });
        var worker = await api.LoginWorkerAsync();
        var other = await api.LoginWorkerAsync();
        // Each from an address of its own: the limit is the account's, wherever it sends from.
        var sent = new[]
        {
            await factory.ClientFrom("203.0.113.30", worker.Token).PostAsJsonAsync("/api/me/phone", new { code = "no-such-code" }),
            await factory.ClientFrom("203.0.113.31", worker.Token).PutAsJsonAsync("/api/applications/1", new { }),
            await factory.ClientFrom("203.0.113.32", worker.Token).PostAsJsonAsync("/api/applications", new { }),
        };
        Assert.All(sent, response => Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode));

        using var fourth = factory.ClientFrom("203.0.113.33", worker.Token);
        Assert.InRange(await (await fourth.PostAsJsonAsync("/api/applications", new { })).AssertTooManyAsync("rate_limited"), 1, 600);
        Assert.InRange(await (await fourth.PostAsJsonAsync("/api/me/phone", new { code = "x" })).AssertTooManyAsync("rate_limited"), 1, 600);
        Assert.InRange(await (await fourth.PutAsJsonAsync("/api/applications/1", new { })).AssertTooManyAsync("rate_limited"), 1, 600);
        // Reads are not counted, and another worker on the same address is not held back.
        await (await fourth.GetAsync("/api/applications/mine")).AssertOkJsonAsync();
        using var neighbour = factory.ClientFrom("203.0.113.33", other.Token);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await neighbour.PostAsJsonAsync("/api/applications", new { })).StatusCode);
    }

    [Fact]
    public async Task WorkerWrites_Answer429RateLimited_AfterTheDailyCap_WhenTheShortWindowHasPassed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:WorkerWritesPerAccount:PermitLimit"] = "2",
            ["RateLimits:WorkerWritesPerAccount:Window"] = "00:10:00",
            ["RateLimits:WorkerWritesPerAccountDaily:PermitLimit"] = "3",
            ["RateLimits:WorkerWritesPerAccountDaily:Window"] = "1.00:00:00",
        }, clock);
        var worker = await api.LoginWorkerAsync();
        using var client = factory.ClientFrom("203.0.113.40", worker.Token);
        Task<HttpResponseMessage> Submit() => client.PostAsJsonAsync("/api/applications", new { });

        Assert.Equal(HttpStatusCode.BadRequest, (await Submit()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Submit()).StatusCode);
        Assert.InRange(await (await Submit()).AssertTooManyAsync("rate_limited"), 1, 600);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.BadRequest, (await Submit()).StatusCode);
        var capped = await (await Submit()).AssertTooManyAsync("rate_limited");
        Assert.InRange(capped, 23 * 3600, 24 * 3600 - 600);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.InRange(await (await Submit()).AssertTooManyAsync("rate_limited"), 23 * 3600, capped - 600);
    }

    [Fact]
    public async Task WorkerWrites_DoNotCountAServerError_SoAnOutageLocksNoWorkerOut()
    {
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:WorkerWritesPerAccount:PermitLimit"] = "2",
            ["RateLimits:WorkerWritesPerAccount:Window"] = "00:10:00",
        });
        var worker = await api.LoginWorkerAsync();
        using var client = factory.ClientFrom("203.0.113.50", worker.Token);
        var phone = TestPeople.NewPhone();
        async Task<HttpResponseMessage> BindAsync()
        {
            var code = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-codes", new { openid = worker.OpenId, phoneNumber = phone }))
                .AssertOkJsonAsync();
            return await client.PostAsJsonAsync("/api/me/phone", new { code = code.GetProperty("code").GetString() });
        }

        // WeChat stays busy through every attempt of three bindings (the API tries each twice): three 503s.
        await api.InjectFaultAsync("getuserphonenumber", errcode: -1, times: 6);
        for (var i = 0; i < 3; i++) await (await BindAsync()).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");

        // None of them used up the worker's two writes.
        await (await BindAsync()).AssertOkJsonAsync();
        await (await BindAsync()).AssertOkJsonAsync();
        await (await BindAsync()).AssertTooManyAsync("rate_limited");
    }
}
