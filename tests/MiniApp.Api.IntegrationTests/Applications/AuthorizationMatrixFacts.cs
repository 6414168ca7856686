namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>
/// Every staff endpoint × every role × an application in or out of the caller's scope → the expected status.
/// In scope: received by 桂山街道总工会 (union 2); the caller's union is 2 (in) or 3 (out); county admins sit at the root.
/// </summary>
[Collection(ApplicationsCollection.Name)]
public sealed class AuthorizationMatrixFacts(ApiFixture api)
{
    public static TheoryData<string, string, bool, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, bool, HttpStatusCode>();
        foreach (var endpoint in new[] { "list", "get", "approve", "reject", "transfer", "batch", "reveal" })
        {
            foreach (var inScope in new[] { true, false })
            {
                var reviewerStatus = endpoint switch
                {
                    "list" or "batch" => HttpStatusCode.OK,
                    _ => inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                };
                data.Add(endpoint, StaffRoles.CountyAdmin, inScope, HttpStatusCode.OK);
                data.Add(endpoint, StaffRoles.UnionReviewer, inScope, reviewerStatus);
                data.Add(endpoint, StaffRoles.DepartmentViewer, inScope, HttpStatusCode.Forbidden);
                data.Add(endpoint, StaffRoles.StationKeeper, inScope, HttpStatusCode.Forbidden);
                data.Add(endpoint, "worker", inScope, HttpStatusCode.Forbidden);
                data.Add(endpoint, "anonymous", inScope, HttpStatusCode.Unauthorized);
            }
        }
        foreach (var role in new[] { StaffRoles.CountyAdmin, StaffRoles.UnionReviewer, StaffRoles.DepartmentViewer, StaffRoles.StationKeeper })
        {
            data.Add("verify", role, true, role == StaffRoles.DepartmentViewer ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
            data.Add("accounts", role, true, role == StaffRoles.CountyAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        }
        data.Add("verify", "worker", true, HttpStatusCode.Forbidden);
        data.Add("verify", "anonymous", true, HttpStatusCode.Unauthorized);
        data.Add("accounts", "worker", true, HttpStatusCode.Forbidden);
        data.Add("accounts", "anonymous", true, HttpStatusCode.Unauthorized);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StaffEndpoint_AnswersByRoleAndScope(string endpoint, string role, bool inScope, HttpStatusCode expected)
    {
        var station = await api.CreateStationAsync(owningUnionId: 2);
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), stationScene: "s=" + station.Code));
        var id = application.GetProperty("id").GetInt64();
        using var client = await ClientForAsync(role, inScope);

        var response = endpoint switch
        {
            "list" => await client.GetAsync("/api/staff/applications"),
            "get" => await client.GetAsync($"/api/staff/applications/{id}"),
            "approve" => await client.PostAsync($"/api/staff/applications/{id}/approve", null),
            "reject" => await client.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "not_eligible" }),
            "transfer" => await client.PostAsJsonAsync($"/api/staff/applications/{id}/transfer", new { unionId = 13, note = "转办" }),
            "batch" => await client.PostAsJsonAsync("/api/staff/applications/batch-approve", new { ids = new[] { id } }),
            "reveal" => await client.PostAsync($"/api/staff/applications/{id}/reveal", null),
            "verify" => await client.PostAsJsonAsync("/api/staff/members/verify", new { code = "m1.1.x" }),
            "accounts" => await client.GetAsync("/api/staff/accounts"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        Assert.True(expected == response.StatusCode,
            $"{endpoint} as {role} ({(inScope ? "in" : "out of")} scope): expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (endpoint == "batch" && role == StaffRoles.UnionReviewer)
        {
            var outcome = (await response.AssertOkJsonAsync()).GetProperty("results")[0].GetProperty("outcome").GetString();
            Assert.Equal(inScope ? "approved" : "application_not_found", outcome);
        }
    }

    private async Task<HttpClient> ClientForAsync(string role, bool inScope)
    {
        switch (role)
        {
            case "anonymous":
                return api.CreateClient();
            case "worker":
                return api.CreateClient((await api.LoginWorkerAsync()).Token);
            default:
                var unionId = role == StaffRoles.CountyAdmin ? 1 : inScope ? 2 : 3;
                var (username, _) = await api.CreateAsync(role, unionId, role == StaffRoles.DepartmentViewer ? "transport" : null);
                return api.CreateClient(await api.StaffTokenAsync(username));
        }
    }
}
