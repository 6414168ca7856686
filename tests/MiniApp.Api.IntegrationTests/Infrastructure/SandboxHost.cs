using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MiniApp.WeChat.Sandbox;

namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>The WeChat sandbox on a free loopback port, in this process; the API under test calls it over real HTTP.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    public static async Task<SandboxHost> StartAsync()
    {
        var app = SandboxApp.Create(
            ["--Sandbox:AppId=" + TestSettings.AppId, "--Sandbox:AppSecret=" + TestSettings.AppSecret, "--Logging:LogLevel:Default=Warning"],
            builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
