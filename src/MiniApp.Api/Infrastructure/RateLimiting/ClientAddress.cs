using System.Net;
using System.Net.Sockets;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>The client address a per-address limit counts under, once forwarded headers from known proxies are
/// applied.</summary>
public static class ClientAddress
{
    /// <summary>Where the server cannot name the peer (TestServer, a Unix socket): one shared partition.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// An IPv4 address as is; an IPv6 address by its /64 network, since one subscriber commonly holds a whole /64 and
    /// could otherwise take a new address, and a fresh limit, for every request.
    /// </summary>
    public static string Of(HttpContext context) => PartitionOf(context.Connection.RemoteIpAddress);

    public static string PartitionOf(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
