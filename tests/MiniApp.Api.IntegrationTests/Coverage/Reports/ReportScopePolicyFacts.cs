namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

/// <summary>
/// Who reaches the figures and survey rows is the report-scope policy's to say: a role without a scope gets its 403
/// text, an account disabled after login 401, and the survey template (no scope needed) stays open to every staff
/// member. The bulletin's county-admin rule reads the account fresh too.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReportScopePolicyFacts(ApiFixture api)
{
    [Theory]
    [InlineData("GET", "/api/staff/reports/coverage?date=2034-03-10")]
    [InlineData("GET", "/api/staff/reports/coverage/trend?from=2034-03-07&to=2034-03-10")]
    [InlineData("GET", "/api/staff/reports/coverage.xlsx?date=2034-03-10")]
    [InlineData("GET", "/api/staff/surveys/groups")]
    [InlineData("PUT", "/api/staff/surveys/groups")]
    [InlineData("POST", "/api/staff/surveys/groups/import?periodStart=2034-03-01")]
    public async Task StationKeeper_IsRefusedWithTheFiguresText_WhenTheRoleHasNoScope(string method, string url)
    {
        using var keeper = await api.StaffAsync(StaffRoles.StationKeeper, 2);

        var problem = await (await keeper.SendAsync(Request(method, url))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal("没有权限查看入会建会统计", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TownshipReviewer_GetsUnauthorized_WhenDisabledAfterLogin()
    {
        var (username, id) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var reviewer = api.CreateClient(await api.StaffTokenAsync(username));
        Assert.NotEqual(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/staff/surveys/groups")).StatusCode);
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("UPDATE staff SET disabled = 1 WHERE id = @id", new { id });
        }

        await (await reviewer.GetAsync("/api/staff/surveys/groups")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await reviewer.GetAsync("/api/staff/reports/coverage?date=2034-03-10"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task SurveyTemplate_IsOpenToAStationKeeper_WhoHasNoScope()
    {
        using var keeper = await api.StaffAsync(StaffRoles.StationKeeper, 2);

        var response = await keeper.GetAsync("/api/staff/surveys/groups/import-template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bulletin_RefusesACountyAdmin_DemotedAfterLogin()
    {
        var (username, id) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var admin = api.CreateClient(await api.StaffTokenAsync(username));
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("UPDATE staff SET role = 'union_reviewer' WHERE id = @id", new { id });
        }

        await (await admin.GetAsync("/api/staff/reports/bulletin?weekEnding=2034-04-09"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.GetAsync("/api/staff/reports/bulletin.xlsx?weekEnding=2034-04-09"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    // Each with the body its endpoint takes, so that the policy, not the media type, answers.
    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method switch
        {
            "GET" => null,
            "PUT" => JsonContent.Create(new { periodStart = "2034-03-01", rows = Array.Empty<object>() }),
            _ => new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "survey.xlsx" } },
        },
    };
}
