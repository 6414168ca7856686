using Microsoft.Extensions.Time.Testing;

namespace MiniApp.Api.IntegrationTests.Limits;

/// <summary>Staff login: per-address limit before any hashing, failures per username and address, the per-username slow-down.</summary>
[Collection(LimitsCollection.Name)]
public sealed class StaffLoginLimitFacts(ApiFixture api)
{
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.20";

    private static string UnknownUsername() => $"nobody-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task Login_Answers429RateLimited_WithoutHashing_AfterTheAddressLimit()
    {
        var hasher = new CountingPasswordHasher();
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["RateLimits:StaffLoginPerAddress:PermitLimit"] = "3",
            ["RateLimits:StaffLoginPerAddress:Window"] = "01:00:00",
        }, hasher: hasher);
        using var attacker = factory.ClientFrom(Attacker);

        for (var i = 0; i < 3; i++)
        {
            await (await attacker.StaffLoginAsync(UnknownUsername(), "guess")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        Assert.Equal(3, hasher.Calls);
        for (var i = 0; i < 20; i++)
        {
            var refused = await attacker.StaffLoginAsync(UnknownUsername(), "guess");
            Assert.InRange(await refused.AssertTooManyAsync("rate_limited"), 1, 3600);
        }

        Assert.Equal(3, hasher.Calls);
        using var office = factory.ClientFrom(Office);
        await (await office.StaffLoginAsync(UnknownUsername(), "guess")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(4, hasher.Calls);
    }

    [Fact]
    public async Task Login_LetsTheRightPasswordIn_FromAnotherAddress_WhenAnAttackerIsLockedOut()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var attacker = api.CreateClient().From(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await (await attacker.StaffLoginAsync(username, $"guess-{i}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        await (await attacker.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("account_locked");

        using var office = api.CreateClient().From(Office);
        await (await office.StaffLoginAsync(username, TestStaff.Password)).AssertOkJsonAsync();
        // The real user's success does not open the door for the attacker's address.
        await (await attacker.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("account_locked");
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0001")]
    [InlineData("\u200B")]
    public async Task Login_DoesNotFindTheAccount_UnderASpellingWithCharactersTheCollationIgnores(string ignored)
    {
        var (username, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var attacker = api.CreateClient().From(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await (await attacker.StaffLoginAsync(username, $"guess-{i}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        // Locked for the real name; a spelling the database would match to it must not bring fresh tries at its password.
        foreach (var spelling in new[] { username + ignored, ignored + username, username[..3] + ignored + username[3..] })
        {
            var response = await attacker.StaffLoginAsync(spelling, TestStaff.Password);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        await (await attacker.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("account_locked");
        // A width or case spelling is the same name: the same lock.
        await (await attacker.StaffLoginAsync(username.ToUpperInvariant(), TestStaff.Password)).AssertTooManyAsync("account_locked");
    }

    [Fact]
    public async Task Login_AnswersAnUnknownUsernameExactlyAsAKnownOne_ThroughTheLockout()
    {
        var (known, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        var unknown = UnknownUsername();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = api.WithLimits(new Dictionary<string, string>(), clock);
        using var attacker = factory.ClientFrom(Attacker);

        var seen = new Dictionary<string, List<string>> { [known] = [], [unknown] = [] };
        foreach (var password in new[] { "a", "b", "c", "d", "e", TestStaff.Password, "f", TestStaff.Password })
        {
            foreach (var username in seen.Keys)
            {
                seen[username].Add(await (await attacker.StaffLoginAsync(username, password)).VisibleAsync());
            }
            clock.Advance(TimeSpan.FromSeconds(7));
        }

        Assert.True(seen[known].SequenceEqual(seen[unknown]), $"known:\n{string.Join("\n", seen[known])}\nunknown:\n{string.Join("\n", seen[unknown])}");
        Assert.Equal(5, seen[known].Count(s => s.StartsWith("401 ")));
        Assert.All(seen[known].Skip(5), s => Assert.Contains("account_locked", s));
    }

    [Fact]
    public async Task Login_SlowsTheUsernameDown_ForAddressesThatFailed_ButNeverRefusesACleanAddress()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["Auth:SlowDownAfter"] = "3",
            ["Auth:SlowDownInterval"] = "00:01:00",
        }, clock);
        using var first = factory.ClientFrom("203.0.113.1");
        using var second = factory.ClientFrom("203.0.113.2");
        using var third = factory.ClientFrom("203.0.113.3");
        foreach (var client in new[] { first, second, third })
        {
            await (await client.StaffLoginAsync(username, "guess")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        // Three failures for the username: an address that failed gets one try a minute, the right password included.
        Assert.Equal(60, await (await first.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("rate_limited"));
        await (await factory.ClientFrom("203.0.113.4").StaffLoginAsync(username, "another-guess"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(60, await (await second.StaffLoginAsync(username, "guess")).AssertTooManyAsync("rate_limited"));
        await (await factory.ClientFrom(Office).StaffLoginAsync(username, TestStaff.Password)).AssertOkJsonAsync();

        clock.Advance(TimeSpan.FromSeconds(61));
        await (await first.StaffLoginAsync(username, "guess")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(60, await (await third.StaffLoginAsync(username, "guess")).AssertTooManyAsync("rate_limited"));
    }

    [Fact]
    public async Task Login_ForgetsTheAddressFailures_WhenItSucceeds()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        using var office = api.CreateClient().From(Office);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await (await office.StaffLoginAsync(username, "typo")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
            }
            await (await office.StaffLoginAsync(username, TestStaff.Password)).AssertOkJsonAsync();
        }
    }

    [Fact]
    public async Task Login_OpensTheAddressAgain_WhenTheLockoutHasRunOut()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = api.WithLimits(new Dictionary<string, string>(), clock);
        using var office = factory.ClientFrom(Office);
        for (var i = 0; i < 5; i++) await office.StaffLoginAsync(username, "typo");

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.InRange(await (await office.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("account_locked"), 1, 60);
        clock.Advance(TimeSpan.FromMinutes(1));

        await (await office.StaffLoginAsync(username, TestStaff.Password)).AssertOkJsonAsync();
    }

    [Fact]
    public async Task ResetPassword_ForgetsTheUsernamesFailures()
    {
        var (username, id) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var office = api.CreateClient().From(Office);
        for (var i = 0; i < 5; i++) await office.StaffLoginAsync(username, "typo");
        await (await office.StaffLoginAsync(username, TestStaff.Password)).AssertTooManyAsync("account_locked");

        using var adminClient = api.CreateClient(await api.StaffTokenAsync(admin));
        await (await adminClient.PostJsonAsync($"/api/staff/accounts/{id}/reset-password", new { password = "Reset-Passw0rd-2026" })).AssertOkJsonAsync();

        await (await office.StaffLoginAsync(username, "Reset-Passw0rd-2026")).AssertOkJsonAsync();
    }

    [Fact]
    public async Task Login_Answers429RateLimited_WithoutHashing_WhenEveryHashingSlotIsTaken()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        var hasher = new GatedPasswordHasher();
        await using var factory = api.WithLimits(new Dictionary<string, string>
        {
            ["Auth:PasswordHashConcurrency"] = "1",
            ["Auth:PasswordHashQueue"] = "0",
        }, hasher: hasher);
        using var office = factory.ClientFrom(Office);
        using var other = factory.ClientFrom("198.51.100.21");

        var first = Task.Run(() => office.StaffLoginAsync(username, TestStaff.Password));
        await hasher.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await other.StaffLoginAsync(username, TestStaff.Password);
        await refused.AssertTooManyAsync("rate_limited");
        Assert.Equal(1, hasher.Calls);

        hasher.Open();
        await (await first).AssertOkJsonAsync();
        await (await other.StaffLoginAsync(username, TestStaff.Password)).AssertOkJsonAsync();
    }
}
