namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

[Collection(EnterprisesCollection.Name)]
public sealed class FormationScopeFacts(ApiFixture api)
{
    [Fact]
    public async Task TownshipReviewer_WorksOnTheTownshipsEnterprises_AndSeesNoOthers()
    {
        using var reviewer = (await api.SignedInStaffAsync(StaffRoles.UnionReviewer, 2)).Client;
        var guishan = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427001"));
        var gucheng = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427002"));

        await reviewer.StepsAsync(guishan);
        Assert.Equal("survey_visit", FormationKit.CurrentCode(await reviewer.RecordAsync(guishan, "survey_visit")));
        await (await reviewer.GetAsync($"/api/staff/enterprises/{gucheng}/steps")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        await (await reviewer.PostStepAsync(gucheng, new { stepType = "survey_visit", version = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        Assert.Equal(0, await api.ScalarAsync<int>("SELECT COUNT(*) FROM enterprise_formation_steps WHERE enterprise_id = @gucheng", new { gucheng }));
    }

    [Fact]
    public async Task ParkReviewer_WorksOnEnterprisesInTheIndustrialPark()
    {
        using var reviewer = (await api.SignedInStaffAsync(StaffRoles.UnionReviewer, 14)).Client;
        var inPark = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427100", InIndustrialPark: true));
        var outside = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427100"));

        await reviewer.RecordAsync(inPark, "survey_visit");
        await (await reviewer.GetAsync($"/api/staff/enterprises/{outside}/steps")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
    }

    [Fact]
    public async Task DepartmentViewer_WorksOnTheDepartmentsEnterprises_AndSeesNoOthers()
    {
        using var viewer = (await api.SignedInStaffAsync(StaffRoles.DepartmentViewer, 1, "transport")).Client;
        var own = await api.InsertAsync(new TestEnterprises.Spec(Department: "transport"));
        var other = await api.InsertAsync(new TestEnterprises.Spec(Department: "health"));

        await viewer.RecordAsync(own, "survey_visit");
        await (await viewer.GetAsync($"/api/staff/enterprises/{other}/steps")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        var stepId = await api.ScalarAsync<long>("SELECT id FROM enterprise_formation_steps WHERE enterprise_id = @own", new { own });
        await (await viewer.PutAsJsonAsync($"/api/staff/enterprises/{other}/steps/{stepId}", new { note = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
    }

    [Theory]
    [InlineData(StaffRoles.StationKeeper, 2L)]
    [InlineData(StaffRoles.UnionReviewer, 15L)]
    public async Task RolesWithoutEnterprises_AreForbidden(string role, long unionId)
    {
        using var client = (await api.SignedInStaffAsync(role, unionId)).Client;
        var enterpriseId = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427001"));

        await (await client.GetAsync($"/api/staff/enterprises/{enterpriseId}/steps")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostStepAsync(enterpriseId, new { stepType = "survey_visit", version = 1 }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await api.ScalarAsync<int>("SELECT COUNT(*) FROM enterprise_formation_steps WHERE enterprise_id = @enterpriseId", new { enterpriseId }));
    }
}
