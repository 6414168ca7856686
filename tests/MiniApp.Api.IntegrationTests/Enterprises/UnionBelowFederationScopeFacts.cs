namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>
/// A union below a federation carries the township's region code but none of the federation's work: a reviewer of an
/// enterprise union has no enterprises, no survey rows and no figures.
/// </summary>
[Collection(EnterprisesCollection.Name)]
public sealed class UnionBelowFederationScopeFacts(ApiFixture api)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReviewerOfAnEnterpriseUnion_IsRefusedEverywhere(bool inPark)
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        var established = await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-已建会", township: EnterpriseKit.Guishan)
            .With("inIndustrialPark", inPark).With("unionStatus", "established").With("unionEstablishedOn", "2019-06-01").With("noUnionReason", null));
        var unionId = established.GetProperty("union").GetProperty("id").GetInt64();
        var neighbour = await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-同乡镇", township: EnterpriseKit.Guishan, phone: TestPeople.NewPhone())
            .With("inIndustrialPark", inPark));
        var neighbourId = neighbour.GetProperty("id").GetInt64();
        using var reviewer = await api.StaffClientAsync(StaffRoles.UnionReviewer, unionId);

        await (await reviewer.GetAsync($"/api/staff/enterprises?q={token}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.GetAsync($"/api/staff/enterprises/{neighbourId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.PostAsync($"/api/staff/enterprises/{neighbourId}/reveal-contact", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.PutAsJsonAsync("/api/staff/surveys/groups", new
        {
            periodStart = "2034-06-01",
            rows = new[] { new { township = EnterpriseKit.Guishan, group = "truck_driver", workers = 1, units = 1, unitsWithUnion = 0 } },
        })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.GetAsync("/api/staff/reports/coverage?date=2034-03-10")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.GetAsync("/api/staff/reports/coverage/trend?from=2034-03-07&to=2034-03-10"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
