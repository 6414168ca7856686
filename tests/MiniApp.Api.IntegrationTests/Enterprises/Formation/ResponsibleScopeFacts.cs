namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

/// <summary>The staff member responsible for a step is reminded about the enterprise, so they must be able to open it.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class ResponsibleScopeFacts(ApiFixture api)
{
    [Fact]
    public async Task Responsible_MustHaveTheEnterpriseInTheirScope()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync(new TestEnterprises.Spec(Township: EnterpriseKit.Guishan, Department: "transport"));
        var (_, guchengReviewer) = await api.CreateAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuchengFederation);
        var (_, parkReviewer) = await api.CreateAsync(StaffRoles.UnionReviewer, EnterpriseKit.ParkFederation);
        var (_, healthViewer) = await api.CreateAsync(StaffRoles.DepartmentViewer, 1, "health");
        var (_, guishanReviewer) = await api.CreateAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);
        var (_, transportViewer) = await api.CreateAsync(StaffRoles.DepartmentViewer, 1, "transport");
        var (_, countyAdmin) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var version = await admin.VersionAsync(enterpriseId);

        foreach (var outsider in new[] { guchengReviewer, parkReviewer, healthViewer })
        {
            var problem = await (await admin.PostStepAsync(enterpriseId, new { stepType = "survey_visit", responsibleStaffId = outsider, version }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("responsibleStaffId", out _));
        }
        var recorded = await admin.RecordAsync(enterpriseId, "survey_visit", responsibleStaffId: guishanReviewer);
        var stepId = recorded.GetProperty("steps")[0].GetProperty("id").GetInt64();
        foreach (var insider in new[] { transportViewer, countyAdmin })
            await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}", new { responsibleStaffId = insider }))
                .AssertOkJsonAsync();
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}", new { responsibleStaffId = guchengReviewer }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // Someone named before who no longer covers the enterprise (moved to 古城) does not block correcting the note.
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}", new { responsibleStaffId = guishanReviewer }))
            .AssertOkJsonAsync();
        await api.ScalarAsync<int>("UPDATE staff SET union_id = @union WHERE id = @id; SELECT 1",
            new { union = EnterpriseKit.GuchengFederation, id = guishanReviewer });
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}",
            new { responsibleStaffId = guishanReviewer, note = "已电话联系企业" })).AssertOkJsonAsync();
    }
}
