namespace MiniApp.Api.IntegrationTests.Stations;

/// <summary>
/// Every staff station endpoint × every role × a station in or out of the caller's scope. In scope: owned by 桂山街道总工会
/// (union 2); the caller sits at union 2 (in) or 3 (out); county admins at the root. Every staff role reads its subtree;
/// only county admins and union reviewers write.
/// </summary>
[Collection(StationsCollection.Name)]
public sealed class StationsAuthorizationFacts(ApiFixture api)
{
    private static readonly string[] Reads = ["list", "get", "qrcode", "zip", "template"];
    private static readonly string[] Writes = ["create", "update", "status", "import"];
    private static readonly string[] Roles = [StaffRoles.CountyAdmin, StaffRoles.UnionReviewer, StaffRoles.DepartmentViewer, StaffRoles.StationKeeper];

    public static TheoryData<string, string, bool, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, bool, HttpStatusCode>();
        foreach (var endpoint in Reads.Concat(Writes))
        {
            var scoped = endpoint is "get" or "qrcode" or "update" or "status";
            foreach (var inScope in scoped ? new[] { true, false } : [true])
            {
                foreach (var role in Roles)
                {
                    var writer = role is StaffRoles.CountyAdmin or StaffRoles.UnionReviewer;
                    var expected = Writes.Contains(endpoint) && !writer ? HttpStatusCode.Forbidden
                        : scoped && !inScope && role != StaffRoles.CountyAdmin ? HttpStatusCode.NotFound
                        : endpoint == "create" ? HttpStatusCode.Created
                        : HttpStatusCode.OK;
                    data.Add(endpoint, role, inScope, expected);
                }
                data.Add(endpoint, "worker", inScope, HttpStatusCode.Forbidden);
                data.Add(endpoint, "anonymous", inScope, HttpStatusCode.Unauthorized);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StaffStationEndpoint_AnswersByRoleAndScope(string endpoint, string role, bool inScope, HttpStatusCode expected)
    {
        using var owner = await api.StaffClientAsync(StaffRoles.UnionReviewer, 2);
        var code = StationKit.NewCode();
        var at = StationKit.Offset(StationKit.NewPlace(), 0, 0);
        var id = await owner.CreateAsync(StationKit.Body(code, at));
        using var client = await ClientForAsync(role, inScope);

        var response = endpoint switch
        {
            "list" => await client.GetAsync("/api/staff/stations"),
            "get" => await client.GetAsync($"/api/staff/stations/{id}"),
            "qrcode" => await client.GetAsync($"/api/staff/stations/{id}/qrcode"),
            "zip" => await client.GetAsync("/api/staff/stations/qrcodes.zip?region=530427205"),
            "template" => await client.GetAsync("/api/staff/stations/import-template"),
            "create" => await client.PostAsJsonAsync("/api/staff/stations", StationKit.Body(StationKit.NewCode(), at)),
            "update" => await client.PutAsJsonAsync($"/api/staff/stations/{id}", StationKit.Body(code, at, name: "改名")),
            "status" => await client.PostAsJsonAsync($"/api/staff/stations/{id}/status", new { status = "suspended" }),
            "import" => await client.PostAsync("/api/staff/stations/import?dryRun=true", StationImportFacts.Csv(StationImportFacts.Header + "\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        if (endpoint == "import" && expected == HttpStatusCode.OK) expected = HttpStatusCode.BadRequest;   // an empty file, past the role check
        Assert.True(expected == response.StatusCode,
            $"{endpoint} as {role} ({(inScope ? "in" : "out of")} scope): expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpClient> ClientForAsync(string role, bool inScope) => role switch
    {
        "anonymous" => api.CreateClient(),
        "worker" => api.CreateClient((await api.LoginWorkerAsync()).Token),
        _ => await api.StaffClientAsync(role, role == StaffRoles.CountyAdmin ? 1 : inScope ? 2 : 3),
    };
}
