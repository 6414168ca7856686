using System.Net.Http.Headers;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// What Kestrel and the framework refuse before a handler runs still answers problem+json with a stable code, and
/// authentication comes before any check of the body. Runs on a real Kestrel server: the test server has no limits.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorContractFacts(ApiFixture api) : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _kestrel;

    private WebApplicationFactory<Program> Kestrel => _kestrel ?? throw new InvalidOperationException("Not started.");

    public Task InitializeAsync()
    {
        _kestrel = api.CreateFactory(_ => { });
        _kestrel.UseKestrel(0);
        _kestrel.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_kestrel is not null) await _kestrel.DisposeAsync();
    }

    private HttpClient Client(string? bearer = null)
    {
        var client = Kestrel.CreateClient();
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    [Fact]
    public async Task LongAddress_Answers414UriTooLong()
    {
        using var client = Client();
        var response = await client.GetAsync("/api/stations/nearby?lat=24&lng=102&q=" + new string('a', 12_000));
        await response.AssertProblemAsync(HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }

    [Fact]
    public async Task HugeHeaders_Answer431HeadersTooLarge()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reference");
        request.Headers.Add("X-Padding", new string('a', 40_000));
        var response = await client.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers_too_large");
    }

    [Theory]
    [InlineData("/api/auth/login", 8_000, true)]
    [InlineData("/api/auth/login", 8_000, false)]
    [InlineData("/api/staff/auth/login", 8_000, true)]
    public async Task BodyPastTheEndpointsLimit_Answers413PayloadTooLarge(string path, int bytes, bool withLength)
    {
        using var client = Client();
        var json = Encoding.UTF8.GetBytes($$"""{"code":"{{new string('a', bytes)}}"}""");
        HttpContent content = withLength ? new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(path, content);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task ApplicationBodyPast64KB_Answers413PayloadTooLarge()
    {
        var worker = await api.LoginWorkerAsync();
        using var client = Client(worker.Token);
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone());
        form["name"] = new string('张', 40_000);
        var response = await client.PostJsonAsync("/api/applications", form);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task UploadPastTheImportLimit_Answers413PayloadTooLarge()
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var client = Client(await api.StaffTokenAsync(admin));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[7 * 1024 * 1024]), "file", "stations.csv" } };
        var response = await client.PostAsync("/api/staff/stations/import?dryRun=true", form);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task WrongContentType_Answers415UnsupportedMediaType()
    {
        using var client = Client();
        var response = await client.PostAsync("/api/auth/login", new StringContent("code=abc", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("/api/staff/stations/import")]
    [InlineData("/api/staff/enterprises/import")]
    [InlineData("/api/applications")]
    public async Task AnonymousRequestWithTheWrongContentType_Answers401First(string path)
    {
        using var client = Client();
        var response = await client.PostAsync(path, new StringContent("x", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndNoServerHeader()
    {
        using var client = Client();
        var response = await client.GetAsync("/api/reference");

        Assert.False(response.Headers.Contains("Server"), "no Server header");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/hangfire")]
    public async Task Pages_CarryAContentSecurityPolicy(string path)
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var client = Client(await api.StaffTokenAsync(admin));
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    /// <summary>A body sent chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
