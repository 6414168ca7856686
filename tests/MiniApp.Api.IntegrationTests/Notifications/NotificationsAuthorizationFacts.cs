namespace MiniApp.Api.IntegrationTests.Notifications;

/// <summary>Every notifications endpoint × every kind of caller → the expected status.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationsAuthorizationFacts(ApiFixture api)
{
    private static readonly string[] Callers =
        ["anonymous", "worker", StaffRoles.CountyAdmin, StaffRoles.UnionReviewer, StaffRoles.DepartmentViewer, StaffRoles.StationKeeper];

    public static TheoryData<string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var caller in Callers)
        {
            var isStaff = caller is not ("anonymous" or "worker");
            var denied = caller == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            data.Add("me-subscriptions", caller, caller == "worker" ? HttpStatusCode.OK : denied);
            data.Add("me-messages", caller, caller == "worker" ? HttpStatusCode.OK : denied);
            data.Add("staff-messages", caller, isStaff ? HttpStatusCode.OK : denied);
            data.Add("staff-unbind-wechat", caller, isStaff ? HttpStatusCode.OK : denied);
            data.Add("dead-letters", caller, caller == StaffRoles.CountyAdmin ? HttpStatusCode.OK : denied);
            data.Add("retry", caller, caller == StaffRoles.CountyAdmin ? HttpStatusCode.NotFound : denied);
            data.Add("hangfire-token", caller, caller == StaffRoles.CountyAdmin ? HttpStatusCode.OK : denied);
            data.Add("dashboard", caller, caller == StaffRoles.CountyAdmin ? HttpStatusCode.OK : denied);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersByCaller(string endpoint, string caller, HttpStatusCode expected)
    {
        using var client = await ClientForAsync(caller);

        var response = endpoint switch
        {
            "me-subscriptions" => await client.PostAsJsonAsync("/api/me/subscriptions",
                new { results = new Dictionary<string, string> { ["t"] = "reject" } }),
            "me-messages" => await client.GetAsync("/api/me/messages"),
            "staff-messages" => await client.GetAsync("/api/staff/messages"),
            "staff-unbind-wechat" => await client.DeleteAsync("/api/staff/me/wechat"),
            "dead-letters" => await client.GetAsync("/api/staff/notifications?status=dead"),
            "retry" => await client.PostAsync("/api/staff/notifications/999999999/retry", null),
            "hangfire-token" => await client.PostAsync("/api/staff/hangfire-token", null),
            "dashboard" => await client.GetAsync("/hangfire"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<HttpClient> ClientForAsync(string caller)
    {
        if (caller == "anonymous") return api.CreateClient();
        if (caller == "worker") return api.CreateClient((await api.LoginWorkerAsync()).Token);
        var (username, _) = await api.CreateAsync(caller, caller == StaffRoles.CountyAdmin ? 1 : 2,
            caller == StaffRoles.DepartmentViewer ? "transport" : null);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    [Fact]
    public async Task ADisabledOrDemotedAccount_LosesTheEndpointsAtOnce()
    {
        var (admin, adminId) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var (reviewer, reviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var adminClient = api.CreateClient(await api.StaffTokenAsync(admin));
        using var reviewerClient = api.CreateClient(await api.StaffTokenAsync(reviewer));
        await using (var db = await api.Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE staff SET role = 'union_reviewer' WHERE id = @adminId", new { adminId });
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE staff SET disabled = 1 WHERE id = @reviewerId", new { reviewerId });
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await adminClient.GetAsync("/api/staff/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminClient.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminClient.PostAsync("/api/staff/hangfire-token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewerClient.GetAsync("/api/staff/messages")).StatusCode);
    }
}
