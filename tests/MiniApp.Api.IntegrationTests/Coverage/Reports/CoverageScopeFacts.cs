namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

[Collection(CoverageCollection.Name)]
public sealed class CoverageScopeFacts(ApiFixture api)
{
    private const string Url = $"/api/staff/reports/coverage?date={MarchFigures.Date}&from={MarchFigures.From}";

    private async Task<JsonElement> ReportAsync(HttpClient client, string by) =>
        await (await client.GetAsync($"{Url}&by={by}")).AssertOkJsonAsync();

    [Fact]
    public async Task TownshipReviewer_SeesOnlyTheirTownship()
    {
        await MarchFigures.SeedAsync(api);
        using var guishan = await api.StaffAsync(StaffRoles.UnionReviewer, 2);

        var byTownship = await ReportAsync(guishan, "township");
        Assert.Equal([MarchFigures.Guishan], byTownship.Keys());
        Assert.Equal((300L, 160L, 0.5333m, 0.0667m), byTownship.GetProperty("total").Join());
        Assert.Equal((5L, 2L, 0.4m, 0.2m), byTownship.GetProperty("total").Union());

        var byGroup = await ReportAsync(guishan, "group");
        Assert.Equal(12, byGroup.GetProperty("rows").GetArrayLength());
        Assert.Equal((200L, 90L, 0.45m, 0.15m), byGroup.Row("truck_driver").Join());
        Assert.Equal((0L, 0L, null, null), byGroup.Row("care_worker").Join());
        Assert.Equal((300L, 160L, 0.5333m, 0.0667m), byGroup.GetProperty("total").Join());
    }

    [Fact]
    public async Task DepartmentViewer_SeesTheGroupsOfTheirDepartment_AndItsEnterprises()
    {
        await MarchFigures.SeedAsync(api);
        using var transport = await api.StaffAsync(StaffRoles.DepartmentViewer, 1, "transport");

        var byGroup = await ReportAsync(transport, "group");
        Assert.Equal(["truck_driver"], byGroup.Keys());
        Assert.Equal((500L, 210L, 0.42m, 0.18m), byGroup.GetProperty("total").Join());
        Assert.Equal((6L, 4L, 0.6667m, -0.0667m), byGroup.GetProperty("total").Union());
        var npc = byGroup.GetProperty("total").GetProperty("enterprises").GetProperty("keyCategories")[0];
        Assert.Equal((2L, 1L), (npc.Long("enterprises"), npc.Long("withUnion")));
        var yuxi = byGroup.GetProperty("total").GetProperty("enterprises").GetProperty("keyCategories")[3];
        Assert.Equal(0L, yuxi.Long("enterprises"));

        var byDepartment = await ReportAsync(transport, "department");
        Assert.Equal(["transport"], byDepartment.Keys());

        var byTownship = await ReportAsync(transport, "township");
        Assert.Equal(12, byTownship.GetProperty("rows").GetArrayLength());
        Assert.Equal((200L, 90L, 0.45m, 0.15m), byTownship.Row(MarchFigures.Guishan).Join());
        Assert.Equal((4L, 2L, 0.5m, 0.1m), byTownship.Row(MarchFigures.Guishan).Union());   // not the 未指定部门 enterprise
        Assert.Equal((2L, 2L, 1m, -0.4m), byTownship.Row(MarchFigures.Gucheng).Union());
    }

    [Fact]
    public async Task DepartmentViewer_OfADepartmentLeadingNoGroup_SeesNoWorkers_AndOnlyTheirEnterprises()
    {
        await MarchFigures.SeedAsync(api);
        using var culture = await api.StaffAsync(StaffRoles.DepartmentViewer, 1, "culture_tourism");

        var byGroup = await ReportAsync(culture, "group");
        Assert.Empty(byGroup.Keys());
        Assert.Equal((0L, 0L, null, null), byGroup.GetProperty("total").Join());
        Assert.Equal((0L, 0L, null, null), byGroup.GetProperty("total").Union());
        var byDepartment = await ReportAsync(culture, "department");
        Assert.Equal(["culture_tourism"], byDepartment.Keys());
    }

    [Fact]
    public async Task IndustryFederationReviewer_SeesTheirGroupInEveryTownship_WithoutEnterprises()
    {
        await MarchFigures.SeedAsync(api);
        using var roadFreight = await api.StaffAsync(StaffRoles.UnionReviewer, 15);

        var byGroup = await ReportAsync(roadFreight, "group");
        Assert.Equal(["truck_driver"], byGroup.Keys());
        Assert.Equal((500L, 210L, 0.42m, 0.18m), byGroup.GetProperty("total").Join());
        Assert.Equal(JsonValueKind.Null, byGroup.GetProperty("total").GetProperty("enterprises").ValueKind);
        var byTownship = await ReportAsync(roadFreight, "township");
        Assert.Equal((300L, 120L, 0.4m, 0.2m), byTownship.Row(MarchFigures.Gucheng).Join());
    }

    [Theory]
    [InlineData("/api/staff/reports/coverage?date=2034-03-10")]
    [InlineData("/api/staff/reports/coverage/trend?from=2034-03-07&to=2034-03-10")]
    [InlineData("/api/staff/reports/coverage.xlsx?date=2034-03-10")]
    [InlineData("/api/staff/surveys/groups")]
    public async Task StationKeeper_AndParkReviewer_AreRefused(string url)
    {
        using var keeper = await api.StaffAsync(StaffRoles.StationKeeper, 2);
        using var park = await api.StaffAsync(StaffRoles.UnionReviewer, 14);

        await (await keeper.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await park.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Bulletin_IsForCountyAdminsOnly()
    {
        using var guishan = await api.StaffAsync(StaffRoles.UnionReviewer, 2);

        Assert.Equal(HttpStatusCode.Forbidden, (await guishan.GetAsync("/api/staff/reports/bulletin?weekEnding=2034-04-09")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guishan.GetAsync("/api/staff/reports/bulletin.xlsx?weekEnding=2034-04-09")).StatusCode);
    }
}
