using System.Security.Cryptography;
using MiniApp.Api.Infrastructure.Privacy;
using MiniApp.Api.Members;

namespace MiniApp.Api.Tests.Members;

public sealed class CardCodeFacts
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private static readonly string LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private CardCode Create(string? key = null) =>
        new(Options.Create(new PrivacyOptions { LookupKey = key ?? LookupKey }), _clock);

    [Fact]
    public void Check_AcceptsAFreshCode_ForTheSameMember()
    {
        var (code, expiresAt) = Create().Issue(42);

        var check = Create().Check(code);

        Assert.True(check.Authentic);
        Assert.False(check.Expired);
        Assert.Equal(42, check.MemberId);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(5), expiresAt);
    }

    [Fact]
    public void Check_SaysExpired_FiveMinutesAndOneSecondLater()
    {
        var (code, _) = Create().Issue(42);
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var check = Create().Check(code);

        Assert.True(check.Authentic);
        Assert.True(check.Expired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m42")]
    [InlineData("x42.1.abc")]
    [InlineData("m42.notanumber.abc")]
    public void Check_RefusesMalformedCodes(string code) => Assert.False(Create().Check(code).Authentic);

    [Fact]
    public void Check_Refuses_WhenTheMemberIdOrExpiryIsAltered()
    {
        var (code, _) = Create().Issue(42);
        var parts = code.Split('.');

        Assert.False(Create().Check($"m43.{parts[1]}.{parts[2]}").Authentic);
        Assert.False(Create().Check($"{parts[0]}.{long.Parse(parts[1]) + 3600}.{parts[2]}").Authentic);
    }

    [Fact]
    public void Check_Refuses_ACodeSignedWithAnotherKey()
    {
        var (code, _) = Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Issue(42);
        Assert.False(Create().Check(code).Authentic);
    }
}
