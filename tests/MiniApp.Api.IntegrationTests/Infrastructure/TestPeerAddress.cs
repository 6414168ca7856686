namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>
/// TestServer has no TCP peer (RemoteIpAddress is null). A request carrying <see cref="Header"/> gets that address as
/// its direct peer, before the API's own pipeline runs, as if it had connected from there.
/// </summary>
internal sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value)) context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}

internal static class PeerAddressExtensions
{
    /// <summary>Every request of this client comes from <paramref name="address"/> (see <see cref="TestPeerAddress"/>).</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(TestPeerAddress.Header);
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, address);
        return client;
    }
}
