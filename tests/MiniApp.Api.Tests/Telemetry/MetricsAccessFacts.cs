using System.Net;
using Microsoft.AspNetCore.Http;
using MiniApp.Api.Infrastructure.Telemetry;

namespace MiniApp.Api.Tests.Telemetry;

public sealed class MetricsAccessFacts
{
    private static IReadOnlyList<IPNetwork> Networks(string value)
    {
        Assert.True(MetricsAccess.TryParse(value, out var networks, out var wrong), $"'{wrong}' refused");
        return networks;
    }

    private static DefaultHttpContext From(string? address, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        if (forwardedFor is not null) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("2001:db8::1", false)]
    public void Allows_LoopbackOnly_ByDefault(string address, bool allowed)
    {
        var networks = Networks(new TelemetryOptions().MetricsAllowedNetworks);

        Assert.Equal(allowed, MetricsAccess.Allows(From(address), networks));
    }

    [Fact]
    public void Allows_TheConfiguredAddressesAndNetworks()
    {
        var networks = Networks("10.1.0.0/16; 192.0.2.7 2001:db8::/32");

        Assert.True(MetricsAccess.Allows(From("10.1.200.3"), networks));
        Assert.True(MetricsAccess.Allows(From("192.0.2.7"), networks));
        Assert.True(MetricsAccess.Allows(From("2001:db8::42"), networks));
        Assert.False(MetricsAccess.Allows(From("192.0.2.8"), networks));
        Assert.False(MetricsAccess.Allows(From("127.0.0.1"), networks));
    }

    [Fact]
    public void Allows_Nobody_WhoCameThroughAProxy_OrWhosePeerIsUnknown()
    {
        var networks = Networks("127.0.0.0/8");

        Assert.False(MetricsAccess.Allows(From("127.0.0.1", forwardedFor: "203.0.113.9"), networks));
        Assert.False(MetricsAccess.Allows(From(null), networks));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/8, nope")]
    public void TryParse_RefusesWhatIsNeitherAnAddressNorANetwork(string value)
    {
        Assert.False(MetricsAccess.TryParse(value, out _, out var wrong));
        Assert.NotNull(wrong);
    }
}
