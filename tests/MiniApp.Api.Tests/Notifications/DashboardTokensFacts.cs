using Microsoft.Extensions.Configuration;
using MiniApp.Api.Infrastructure.Auth;
using MiniApp.Api.Infrastructure.Hangfire;
using Moq;
using StackExchange.Redis;

namespace MiniApp.Api.Tests.Notifications;

public sealed class DashboardTokensFacts
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDatabase> _redis = new();
    private static readonly DashboardTokens.Holder Admin = new(42, 1_764_378_000);

    private DashboardTokens Tokens(string key = "a-signing-key-of-at-least-thirty-two-bytes!")
    {
        var multiplexer = new Mock<IConnectionMultiplexer>();
        multiplexer.Setup(m => m.GetDatabase(It.IsAny<int>(), It.IsAny<object>())).Returns(_redis.Object);
        return new DashboardTokens(Options.Create(new AuthOptions { SigningKey = key }), multiplexer.Object,
            new ConfigurationBuilder().Build(), _clock);
    }

    private void FirstUse(bool first) => _redis.Setup(d => d.StringSetAsync(It.IsAny<RedisKey>(), It.IsAny<RedisValue>(), It.IsAny<TimeSpan?>(),
        When.NotExists)).ReturnsAsync(first);

    [Fact]
    public async Task Token_IsRedeemedOnce_WithinFiveMinutes()
    {
        var tokens = Tokens();
        var (token, _) = tokens.CreateToken(Admin);
        FirstUse(true);

        Assert.Equal(Admin, await tokens.RedeemTokenAsync(token));
        FirstUse(false);
        Assert.Null(await tokens.RedeemTokenAsync(token));
    }

    [Fact]
    public async Task Token_Expires_AfterFiveMinutes()
    {
        var tokens = Tokens();
        var (token, _) = tokens.CreateToken(Admin);
        FirstUse(true);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await tokens.RedeemTokenAsync(token));
    }

    [Fact]
    public async Task ForgedOrForeignValues_AreRefused()
    {
        var (token, _) = Tokens().CreateToken(Admin);
        var (session, _) = Tokens().CreateSession(Admin);
        FirstUse(true);

        Assert.Null(await Tokens("another-signing-key-of-thirty-two-bytes!!").RedeemTokenAsync(token));
        Assert.Null(await Tokens().RedeemTokenAsync(token.Replace("42.", "43.")));
        Assert.Null(Tokens().ReadSession(token));     // a token is not a session
        Assert.Null(await Tokens().RedeemTokenAsync(session));
        Assert.Equal(Admin, Tokens().ReadSession(session));
    }

    [Fact]
    public void Session_LastsThirtyMinutes()
    {
        var tokens = Tokens();
        var (session, _) = tokens.CreateSession(Admin);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(Admin, tokens.ReadSession(session));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(tokens.ReadSession(session));
    }
}
