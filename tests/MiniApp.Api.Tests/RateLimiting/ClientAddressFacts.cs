using System.Net;
using Microsoft.Extensions.Configuration;
using MiniApp.Api.Infrastructure.Auth;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Tests.RateLimiting;

public sealed class ClientAddressFacts
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void PartitionOf_CountsIPv4ByAddress_AndIPv6ByItsSlash64(string address, string partition) =>
        Assert.Equal(partition, ClientAddress.PartitionOf(IPAddress.Parse(address)));

    [Fact]
    public void PartitionOf_PutsAPeerWithoutAnAddressInOnePartition() =>
        Assert.Equal(ClientAddress.Unknown, ClientAddress.PartitionOf(null));

    [Theory]
    [InlineData("127.0.0.1", new[] { "127.0.0.1" })]
    [InlineData(" 10.0.0.5, 10.1.0.0/16 ;::1", new[] { "10.0.0.5", "10.1.0.0/16", "::1" })]
    [InlineData("", new string[0])]
    public void KnownProxies_ReadsAddressesAndNetworks_FromOneValue(string value, string[] entries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["P"] = value }).Build();
        Assert.Equal(entries, KnownProxies.Read(configuration.GetSection("P")));
    }

    [Fact]
    public void KnownProxies_ReadsAList()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["P:0"] = "192.0.2.1", ["P:1"] = "192.0.2.0/28",
        }).Build();
        Assert.Equal(["192.0.2.1", "192.0.2.0/28"], KnownProxies.Read(configuration.GetSection("P")));
    }

    [Theory]
    [InlineData("load-balancer.internal")]
    [InlineData("10.0.0.0/40")]
    public void KnownProxies_StopsTheStart_OnAnEntryThatIsNeitherAnAddressNorANetwork(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["P"] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => KnownProxies.Read(configuration.GetSection("P")));
        Assert.Contains(value, error.Message);
    }

    [Theory]
    [InlineData("xp-admin")]
    [InlineData(" XP-Admin ")]
    [InlineData("ｘｐ－ａｄｍｉｎ")]
    [InlineData("xp-ädmin")]
    public void StaffLoginFailures_CountsEverySpellingTheDatabaseMatches_AsOneUsername(string spelling) =>
        Assert.Equal("xp-admin", StaffLoginFailures.Key(spelling));

    [Theory]
    [InlineData(0.2, 1, " 1 秒")]
    [InlineData(59, 59, " 59 秒")]
    [InlineData(61, 61, " 2 分钟")]
    [InlineData(900, 900, " 15 分钟")]
    [InlineData(85_800, 85_800, " 24 小时")]
    public void RateLimitedProblem_SaysHowLongToWait_InWholeSecondsAndWords(double wait, int seconds, string words)
    {
        Assert.Equal(seconds, RateLimitedProblem.RetryAfterSeconds(TimeSpan.FromSeconds(wait)));
        Assert.Equal(words, RateLimitedProblem.Wait(seconds));
    }
}
