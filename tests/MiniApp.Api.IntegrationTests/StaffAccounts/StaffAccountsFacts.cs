namespace MiniApp.Api.IntegrationTests.StaffAccounts;

[Collection(ApplicationsCollection.Name)]
public sealed class StaffAccountsFacts(ApiFixture api)
{
    private async Task<HttpClient> AdminAsync()
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        return api.CreateClient(await api.StaffTokenAsync(admin));
    }

    [Fact]
    public async Task Create_MakesAnAccountThatCanLogIn()
    {
        using var admin = await AdminAsync();
        var username = "rev-" + Guid.NewGuid().ToString("N")[..8];

        var created = await (await admin.PostAsJsonAsync("/api/staff/accounts", new
        {
            username, displayName = "漠沙镇审核员", role = StaffRoles.UnionReviewer, unionId = 5, password = "Mosha-2026-ok",
        })).AssertOkJsonAsync();

        Assert.Equal("漠沙镇总工会", created.GetProperty("unionName").GetString());
        Assert.False(string.IsNullOrEmpty(await api.StaffTokenAsync(username, "Mosha-2026-ok")));
        var again = await admin.PostAsJsonAsync("/api/staff/accounts", new
        {
            username, displayName = "重复", role = StaffRoles.UnionReviewer, unionId = 5, password = "Mosha-2026-ok",
        });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "username_taken");
    }

    [Fact]
    public async Task Create_RefusesAWeakPasswordAndAViewerWithoutDepartment()
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/staff/accounts", new
        {
            username = "viewer-" + Guid.NewGuid().ToString("N")[..6], displayName = "交通局", role = StaffRoles.DepartmentViewer, unionId = 1, password = "short",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("departmentCode", out _));
    }

    [Fact]
    public async Task Disable_StopsTheAccountsTokenAtOnce()
    {
        using var admin = await AdminAsync();
        var (reviewer, id) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var reviewerClient = api.CreateClient(await api.StaffTokenAsync(reviewer));
        await (await reviewerClient.GetAsync("/api/staff/applications")).AssertOkJsonAsync();

        await (await admin.PostAsync($"/api/staff/accounts/{id}/disable", null)).AssertOkJsonAsync();

        await (await reviewerClient.GetAsync("/api/staff/applications")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var anonymous = api.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/staff/auth/login", new { username = reviewer, password = TestStaff.Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task DisabledAdmin_LosesTheAccountsEndpoints_AndCannotEnableItself()
    {
        var (admin, adminId) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var adminClient = api.CreateClient(await api.StaffTokenAsync(admin));
        await (await adminClient.GetAsync("/api/staff/accounts")).AssertOkJsonAsync();
        await (await adminClient.PostAsync($"/api/staff/accounts/{adminId}/enable", null))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var other = await AdminAsync();

        await (await other.PostAsync($"/api/staff/accounts/{adminId}/disable", null)).AssertOkJsonAsync();

        await (await adminClient.GetAsync("/api/staff/accounts")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await adminClient.PostAsync($"/api/staff/accounts/{adminId}/enable", null))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ResetPassword_EndsTheTokensIssuedBefore()
    {
        using var admin = await AdminAsync();
        var (reviewer, id) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var oldSession = api.CreateClient(await api.StaffTokenAsync(reviewer));
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // tokens count whole seconds

        await (await admin.PostAsJsonAsync($"/api/staff/accounts/{id}/reset-password", new { password = "Another-2026-pw" })).AssertOkJsonAsync();

        await (await oldSession.GetAsync("/api/staff/applications")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        using var newSession = api.CreateClient(await api.StaffTokenAsync(reviewer, "Another-2026-pw"));
        await (await newSession.GetAsync("/api/staff/applications")).AssertOkJsonAsync();
    }

    [Fact]
    public async Task ResetPassword_LiftsALockout()
    {
        using var admin = await AdminAsync();
        var (reviewer, id) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var anonymous = api.CreateClient();
        for (var i = 0; i < 5; i++) await anonymous.PostAsJsonAsync("/api/staff/auth/login", new { username = reviewer, password = "wrong-one" });

        await (await admin.PostAsJsonAsync($"/api/staff/accounts/{id}/reset-password", new { password = "Brand-new-2026" })).AssertOkJsonAsync();

        Assert.False(string.IsNullOrEmpty(await api.StaffTokenAsync(reviewer, "Brand-new-2026")));
    }
}
