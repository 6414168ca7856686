using MiniApp.Api.Infrastructure.RateLimiting;
using StackExchange.Redis;

namespace MiniApp.Api.IntegrationTests.Limits;

/// <summary>The counters behave alike in Redis (the real server) and in a node's memory, with time passed in.</summary>
public sealed class LimitCountersFacts : IAsyncLifetime
{
    private static readonly LoginRules Rules = new(MaxFailures: 3, Lockout: TimeSpan.FromMinutes(15), SlowDownAfter: 4,
        SlowDownInterval: TimeSpan.FromSeconds(30));

    private readonly string _prefix = $"miniapp-test-counters-{Guid.NewGuid():N}:";
    private ConnectionMultiplexer? _redis;
    private DateTimeOffset _now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestSettings.Redis);

    public async Task DisposeAsync()
    {
        var server = _redis!.GetServers().First();
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*")) await _redis.GetDatabase().KeyDeleteAsync(key);
        await _redis.DisposeAsync();
    }

    public static TheoryData<string> Stores => ["redis", "memory"];

    private ILimitCounters Counters(string store) => store == "redis" ? new RedisLimitCounters(_redis!) : new MemoryLimitCounters();

    private WindowHit Window(string name, int limit, TimeSpan window) => new(_prefix + name, new WindowLimit(limit, window));

    [Theory, MemberData(nameof(Stores))]
    public async Task Hit_RefusesUntilTheWindowEnds_AndThenCountsAfresh(string store)
    {
        var counters = Counters(store);
        WindowHit[] hits = [Window("w", 2, TimeSpan.FromMinutes(1))];

        Assert.Null(await counters.HitAsync(hits, _now));
        _now += TimeSpan.FromSeconds(20);
        Assert.Null(await counters.HitAsync(hits, _now));
        Assert.Equal(TimeSpan.FromSeconds(40), await counters.HitAsync(hits, _now));
        _now += TimeSpan.FromSeconds(39);
        Assert.Equal(TimeSpan.FromSeconds(1), await counters.HitAsync(hits, _now));

        _now += TimeSpan.FromSeconds(1);
        Assert.Null(await counters.HitAsync(hits, _now));
        Assert.Null(await counters.HitAsync(hits, _now));
        Assert.Equal(TimeSpan.FromMinutes(1), await counters.HitAsync(hits, _now));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Hit_CountsNothing_WhenAnyWindowIsFull(string store)
    {
        var counters = Counters(store);
        WindowHit[] hits = [Window("short", 1, TimeSpan.FromMinutes(10)), Window("daily", 2, TimeSpan.FromDays(1))];

        Assert.Null(await counters.HitAsync(hits, _now));
        Assert.Equal(TimeSpan.FromMinutes(10), await counters.HitAsync(hits, _now));
        _now += TimeSpan.FromMinutes(10);
        // Had the refused request counted in the daily window, this one would be its third.
        Assert.Null(await counters.HitAsync(hits, _now));
        _now += TimeSpan.FromMinutes(10);
        Assert.Equal(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(20), await counters.HitAsync(hits, _now));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task BeginLogin_LocksOnlyThatAddress_ForTheLockout_AfterMaxFailures(string store)
    {
        var counters = Counters(store);
        var user = _prefix + "login:xp-admin";
        for (var i = 0; i < 3; i++) Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "203.0.113.1", Rules, _now));

        _now += TimeSpan.FromMinutes(5);
        Assert.Equal(new LoginVerdict(LoginVerdictKind.Locked, TimeSpan.FromMinutes(10)), await counters.BeginLoginAsync(user, "203.0.113.1", Rules, _now));
        Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "198.51.100.1", Rules, _now));

        _now += TimeSpan.FromMinutes(10);
        Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "203.0.113.1", Rules, _now));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task ForgetAddress_StartsTheAddressAfresh_AndUndo_GivesOneAttemptBack(string store)
    {
        var counters = Counters(store);
        var user = _prefix + "login:xp-guishan";
        for (var i = 0; i < 2; i++) await counters.BeginLoginAsync(user, "198.51.100.2", Rules, _now);
        await counters.ForgetAddressAsync(user, "198.51.100.2");
        for (var i = 0; i < 2; i++) Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "198.51.100.2", Rules, _now));

        await counters.UndoLoginAsync(user, "198.51.100.2");
        for (var i = 0; i < 2; i++) Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "198.51.100.2", Rules, _now));
        Assert.Equal(LoginVerdictKind.Locked, (await counters.BeginLoginAsync(user, "198.51.100.2", Rules, _now)).Kind);

        await counters.ForgetUserAsync(user);
        Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "198.51.100.2", Rules, _now));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task BeginLogin_SlowsDownAddressesThatFailed_OnceTheUsernameHasFailedEnough(string store)
    {
        var counters = Counters(store);
        var user = _prefix + "login:xp-transport";
        string[] attackers = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"];
        foreach (var address in attackers) Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, address, Rules, _now));

        _now += TimeSpan.FromSeconds(10);
        Assert.Equal(new LoginVerdict(LoginVerdictKind.SlowedDown, TimeSpan.FromSeconds(20)), await counters.BeginLoginAsync(user, attackers[0], Rules, _now));
        Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, "198.51.100.9", Rules, _now));
        Assert.Equal(LoginVerdictKind.SlowedDown, (await counters.BeginLoginAsync(user, attackers[1], Rules, _now)).Kind);

        _now += TimeSpan.FromSeconds(30);
        Assert.Equal(LoginVerdict.Admitted, await counters.BeginLoginAsync(user, attackers[1], Rules, _now));
        Assert.Equal(LoginVerdictKind.SlowedDown, (await counters.BeginLoginAsync(user, attackers[2], Rules, _now)).Kind);
    }
}
