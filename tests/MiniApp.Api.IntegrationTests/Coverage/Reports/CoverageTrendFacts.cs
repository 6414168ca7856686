namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

[Collection(CoverageCollection.Name)]
public sealed class CoverageTrendFacts(ApiFixture api)
{
    [Fact]
    public async Task Trend_GivesEachDayWithFigures_PerKey()
    {
        await MarchFigures.SeedAsync(api);
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var trend = await (await admin.GetAsync("/api/staff/reports/coverage/trend?from=2034-03-05&to=2034-03-12&by=township")).AssertOkJsonAsync();

        Assert.Equal(("2034-03-05", "2034-03-12", "township"), (trend.GetProperty("from").GetString(), trend.GetProperty("to").GetString(),
            trend.GetProperty("by").GetString()));
        var days = trend.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2034-03-07", "2034-03-08", "2034-03-09", "2034-03-10"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal([true, true, true, false], days.Select(d => d.GetProperty("frozen").GetBoolean()));
        var guishan = days.Select(d => d.Row(MarchFigures.Guishan)).ToList();
        Assert.Equal([10L, 152L, 157L, 160L], guishan.Select(g => g.Long("activeMembers")));
        Assert.Equal([200L, 300L, 300L, 300L], guishan.Select(g => g.Long("surveyedWorkers")));
        Assert.Equal([0.05m, 0.5067m, 0.5233m, 0.5333m], guishan.Select(g => g.Decimal("joinRate")!.Value));
        Assert.Equal([0L, 0L, 99L, 5L], guishan.Select(g => g.Long("enterprises100Plus")));
        Assert.Equal([null, null, 0.5051m, 0.4m], guishan.Select(g => g.Decimal("unionRate")));
        Assert.Equal([10L, 278L, 285L, 295L], days.Select(d => d.GetProperty("total").Long("activeMembers")));
        Assert.Equal(12, days[3].GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Trend_IsScoped()
    {
        await MarchFigures.SeedAsync(api);
        using var transport = await api.StaffAsync(StaffRoles.DepartmentViewer, 1, "transport");

        var trend = await (await transport.GetAsync("/api/staff/reports/coverage/trend?from=2034-03-08&to=2034-03-10&by=group")).AssertOkJsonAsync();

        var days = trend.GetProperty("days").EnumerateArray().ToList();
        Assert.All(days, d => Assert.Equal(["truck_driver"], d.Keys()));
        Assert.Equal([203L, 206L, 210L], days.Select(d => d.GetProperty("total").Long("activeMembers")));
        Assert.Equal([0L, 99L, 6L], days.Select(d => d.GetProperty("total").Long("enterprises100Plus")));
    }

    [Theory]
    [InlineData("from=2034-03-10&to=2034-03-08", "from")]
    [InlineData("from=2033-03-09&to=2034-03-10", "to")]
    [InlineData("from=2034-03-01&to=2034-03-1x", "to")]
    public async Task Trend_RefusesBadRanges(string query, string field)
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var problem = await (await admin.GetAsync("/api/staff/reports/coverage/trend?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest,
            "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Trend_Allows366Days()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        await (await admin.GetAsync("/api/staff/reports/coverage/trend?from=2033-03-10&to=2034-03-10")).AssertOkJsonAsync();
    }
}
