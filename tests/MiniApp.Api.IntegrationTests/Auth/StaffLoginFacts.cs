namespace MiniApp.Api.IntegrationTests.Auth;

[Collection(ApplicationsCollection.Name)]
public sealed class StaffLoginFacts(ApiFixture api)
{
    [Fact]
    public async Task Login_ReturnsTokenWithRoleAndUnion_WhenPasswordIsRight()
    {
        var (username, id) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        using var client = api.CreateClient();

        var login = await (await client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password })).AssertOkJsonAsync();

        Assert.False(string.IsNullOrEmpty(login.GetProperty("token").GetString()));
        var staff = login.GetProperty("staff");
        Assert.Equal(id, staff.GetProperty("id").GetInt64());
        Assert.Equal("union_reviewer", staff.GetProperty("role").GetString());
        Assert.Equal(2, staff.GetProperty("unionId").GetInt64());
    }

    [Fact]
    public async Task Login_Answers401InvalidCredentials_WhenPasswordIsWrong()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = "wrong-password" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_Answers401InvalidCredentials_WhenUserIsUnknown()
    {
        using var client = api.CreateClient();
        var response = await client.PostJsonAsync("/api/staff/auth/login", new { username = "nobody-here", password = "whatever" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_Answers401_WhenAccountIsDisabled()
    {
        var (username, id) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("UPDATE staff SET disabled = 1 WHERE id = @id", new { id });
        }
        using var client = api.CreateClient();

        var response = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_LocksThatUsernameForThatAddressOnly_AfterFiveWrongPasswords()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        using var client = api.CreateClient().From("203.0.113.5");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = "wrong-password" });
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var right = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
        Assert.NotNull(right.Headers.RetryAfter);
        // The lock is that address's: the same username from anywhere else still gets in with the right password.
        using var elsewhere = api.CreateClient().From("198.51.100.5");
        await (await elsewhere.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password })).AssertOkJsonAsync();
    }

    [Fact]
    public async Task Login_DoesNotLock_AfterFourWrongPasswords()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        using var client = api.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await client.PostJsonAsync("/api/staff/auth/login", new { username, password = "wrong-password" });
        }

        var right = await client.PostJsonAsync("/api/staff/auth/login", new { username, password = TestStaff.Password });

        await right.AssertOkJsonAsync();
    }

    [Fact]
    public async Task StaffToken_IsRefusedByWorkerEndpoints()
    {
        var (username, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        var token = await api.StaffTokenAsync(username);
        using var client = api.CreateClient(token);

        var response = await client.GetAsync("/api/me");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("{\"password\":\"x\"}", "username")]
    [InlineData("{\"username\":\"x\"}", "password")]
    public async Task Login_Answers400ValidationFailed_WhenAFieldIsMissing(string body, string field)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/api/staff/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
    }
}
