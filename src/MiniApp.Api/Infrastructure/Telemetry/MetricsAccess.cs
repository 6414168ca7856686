using System.Net;
using System.Net.Sockets;

namespace MiniApp.Api.Infrastructure.Telemetry;

/// <summary>
/// Who may read /metrics: a peer inside Telemetry:MetricsAllowedNetworks (loopback by default), connecting directly.
/// Prometheus scrapers cannot log in, so the door is the network, not a staff token. A request that still carries
/// X-Forwarded-For came through a proxy that is not a known one (or from a client that set it): it is refused, since
/// a reverse proxy on the same machine would otherwise make every visitor from outside look like loopback. Through a
/// known proxy the forwarded headers are applied first, and the client's own address is what is checked.
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(HttpContext context, IReadOnlyList<IPNetwork> networks)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For")) return false;
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var network in networks)
        {
            if (network.Contains(address)) return true;
        }
        return false;
    }

    /// <summary>"10.0.0.5, 10.1.0.0/16" into networks; false with the first entry that is neither.</summary>
    public static bool TryParse(string? value, out IReadOnlyList<IPNetwork> networks, out string? wrong)
    {
        var parsed = new List<IPNetwork>();
        networks = parsed;
        wrong = null;
        foreach (var entry in (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseOne(entry) is not { } network)
            {
                wrong = entry;
                return false;
            }
            parsed.Add(network);
        }
        return true;
    }

    private static IPNetwork? ParseOne(string entry)
    {
        if (entry.Contains('/')) return IPNetwork.TryParse(entry, out var network) ? network : null;
        if (!IPAddress.TryParse(entry, out var address)) return null;
        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
