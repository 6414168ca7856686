namespace MiniApp.Api.IntegrationTests.Limits;

/// <summary>X-Forwarded-For and X-Forwarded-Proto count only when the direct peer is one of ForwardedHeaders:KnownProxies.</summary>
[Collection(LimitsCollection.Name)]
public sealed class ForwardedHeadersFacts(ApiFixture api)
{
    private const string Proxy = "192.0.2.10";
    private const string Nearby = "/api/stations/nearby?lat=24.0966&lng=101.9905&radiusKm=5";

    private WebApplicationFactory<Program> BehindProxy() => api.WithLimits(new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies"] = $"{Proxy}, 192.0.2.11",
        ["RateLimits:NearbyPerAddress:PermitLimit"] = "1",
        ["RateLimits:NearbyPerAddress:Window"] = "01:00:00",
    });

    private static async Task<HttpStatusCode> NearbyAsync(HttpClient client, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Nearby);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ClientAddress_IsTheForwardedOne_WhenThePeerIsAKnownProxy()
    {
        await using var factory = BehindProxy();
        using var proxy = factory.ClientFrom(Proxy);

        Assert.Equal(HttpStatusCode.OK, await NearbyAsync(proxy, "203.0.113.50"));
        Assert.Equal(HttpStatusCode.OK, await NearbyAsync(proxy, "203.0.113.51"));
        Assert.Equal(HttpStatusCode.OK, await NearbyAsync(proxy, "198.51.100.1, 203.0.113.52"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await NearbyAsync(proxy, "203.0.113.50"));
        // Whatever a client wrote before our proxy's entry does not count: only the entry the proxy appended does.
        Assert.Equal(HttpStatusCode.TooManyRequests, await NearbyAsync(proxy, "198.51.100.2, 203.0.113.52"));
    }

    [Theory]
    [InlineData("198.51.100.77")]
    [InlineData(null)]
    public async Task ClientAddress_IgnoresXForwardedFor_WhenThePeerIsNotAKnownProxy(string? peer)
    {
        await using var factory = BehindProxy();
        using var client = peer is null ? factory.CreateClient() : factory.ClientFrom(peer);

        Assert.Equal(HttpStatusCode.OK, await NearbyAsync(client, "203.0.113.60"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await NearbyAsync(client, "203.0.113.61"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await NearbyAsync(client, null));
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("198.51.100.77", false)]
    public async Task DashboardCookie_IsSecure_OnlyWhenAKnownProxySaysTheRequestCameOverHttps(string peer, bool secure)
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        await using var factory = BehindProxy();
        using var adminClient = factory.CreateClient();
        adminClient.DefaultRequestHeaders.Authorization = new("Bearer", await api.StaffTokenAsync(admin));
        var link = await (await adminClient.PostAsync("/api/staff/hangfire-token", null)).AssertOkJsonAsync();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .From(peer);
        using var request = new HttpRequestMessage(HttpMethod.Get, link.GetProperty("url").GetString());
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.70");

        var redeemed = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        var cookie = Assert.Single(redeemed.Headers.GetValues("Set-Cookie"));
        Assert.Equal(secure, cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("198.51.100.77", false)]
    public async Task StrictTransportSecurity_IsSent_OnlyWhenAKnownProxySaysTheRequestCameOverHttps(string peer, bool sent)
    {
        await using var factory = BehindProxy();
        using var client = factory.ClientFrom(peer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stations/options");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.80");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeaders_AreIgnoredFromEveryone_WhenNoProxyIsConfigured()
    {
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:NearbyPerAddress:PermitLimit"] = "1",
            ["RateLimits:NearbyPerAddress:Window"] = "01:00:00",
        });
        using var client = factory.ClientFrom("198.51.100.90");

        Assert.Equal(HttpStatusCode.OK, await NearbyAsync(client, "203.0.113.91"));
        // A client naming another address in X-Forwarded-For is still counted as itself.
        Assert.Equal(HttpStatusCode.TooManyRequests, await NearbyAsync(client, "203.0.113.92"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stations/options");
        request.Headers.Add("X-Forwarded-Proto", "https");
        Assert.False((await client.SendAsync(request)).Headers.Contains("Strict-Transport-Security"));
    }
}
