using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MiniApp.WeChat.Sandbox;

namespace MiniApp.WeChat.Tests.Sandbox;

public sealed record LoginCode(string Code, string Openid, string SessionKey);

/// <summary>A sandbox running on real Kestrel on a loopback port, with helpers that speak its HTTP API.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string AppId = "wxsandbox00000001";
    public const string AppSecret = "sandbox-secret-0001";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public static async Task<SandboxHost> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var app = SandboxApp.Create([], configure);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SandboxHost(app, new Uri(address));
    }

    public static int Errcode(JsonElement body) => body.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;

    public async Task ResetAsync() => (await Http.PostAsync("/__sandbox/reset", null)).EnsureSuccessStatusCode();

    public async Task<LoginCode> NewLoginCodeAsync(string? openid = null, string? unionid = null, string? sessionKey = null)
    {
        var response = await Http.PostAsJsonAsync("/__sandbox/login-codes", new { openid, unionid, sessionKey });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LoginCode>())!;
    }

    /// <summary>A user the sandbox knows, i.e. one who has logged in.</summary>
    public async Task<string> NewUserAsync() => (await NewLoginCodeAsync()).Openid;

    public Task<JsonElement> CodeToSessionAsync(string code, string appId = AppId, string secret = AppSecret) =>
        GetJsonAsync($"/sns/jscode2session?appid={appId}&secret={secret}&js_code={code}&grant_type=authorization_code");

    public Task<JsonElement> StableTokenAsync(bool forceRefresh = false, string appId = AppId, string secret = AppSecret) =>
        PostWeChatAsync("/cgi-bin/stable_token", new { grant_type = "client_credential", appid = appId, secret, force_refresh = forceRefresh });

    public async Task<string> TokenAsync() => (await StableTokenAsync()).GetProperty("access_token").GetString()!;

    /// <summary>POSTs JSON to a WeChat endpoint, with <paramref name="token"/> in the query when given.</summary>
    public Task<JsonElement> PostWeChatAsync(string path, object body, string? token = null) =>
        ReadJsonAsync(Http.PostAsJsonAsync(WithToken(path, token), body));

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string? token = null) =>
        Http.PostAsync(WithToken(path, token), new StringContent(body));

    public async Task<JsonElement> GetJsonAsync(string path) => await ReadJsonAsync(Http.GetAsync(path));

    public Task<HttpResponseMessage> ControlAsync(string path, object body) => Http.PostAsJsonAsync($"/__sandbox/{path}", body);

    public async Task<JsonElement> ControlJsonAsync(string path, object body) => await ReadJsonAsync(ControlAsync(path, body));

    public async Task AdvanceClockAsync(double seconds) => (await ControlAsync("clock/advance", new { seconds })).EnsureSuccessStatusCode();

    public async Task GrantAsync(string openid, string templateId, int count) =>
        (await ControlAsync("subscribe-grants", new { openid, templateId, count })).EnsureSuccessStatusCode();

    public async Task AddFaultAsync(object fault) => (await ControlAsync("faults", fault)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string WithToken(string path, string? token) =>
        token is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}access_token={Uri.EscapeDataString(token)}";

    private static async Task<JsonElement> ReadJsonAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>One sandbox per test class; tests in a class run one at a time, so each test starts from a reset.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Base for sandbox facts: a shared host, reset before every test.</summary>
public abstract class SandboxFacts(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    protected SandboxHost Sandbox => fixture.Host;

    public Task InitializeAsync() => Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
