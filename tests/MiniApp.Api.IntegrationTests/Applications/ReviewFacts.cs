namespace MiniApp.Api.IntegrationTests.Applications;

[Collection(ApplicationsCollection.Name)]
public sealed class ReviewFacts(ApiFixture api)
{
    private async Task<long> SubmitAtStationOfAsync(long unionId)
    {
        var station = await api.CreateStationAsync(unionId);
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), stationScene: "s=" + station.Code));
        return application.GetProperty("id").GetInt64();
    }

    private async Task<HttpClient> StaffClientAsync(string role, long unionId)
    {
        var (username, _) = await api.CreateAsync(role, unionId);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    [Fact]
    public async Task TwoReviewersAtOnce_OneWins_TheOtherGets409()
    {
        var id = await SubmitAtStationOfAsync(2);
        using var a = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var b = await StaffClientAsync(StaffRoles.UnionReviewer, 2);

        var responses = await Task.WhenAll(
            a.PostAsync($"/api/staff/applications/{id}/approve", null),
            b.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "not_eligible" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "application_state_changed");
        await using var db = await api.Database.OpenAsync();
        var members = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM members WHERE application_id = @id", new { id });
        var status = await db.ExecuteScalarAsync<string>("SELECT status FROM applications WHERE id = @id", new { id });
        Assert.Equal(status == "approved" ? 1 : 0, members);
    }

    [Fact]
    public async Task ReviewerOfAnotherTownship_CannotSeeOrDecide()
    {
        var id = await SubmitAtStationOfAsync(2);
        using var other = await StaffClientAsync(StaffRoles.UnionReviewer, 3);

        await (await other.GetAsync($"/api/staff/applications/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        await (await other.PostAsync($"/api/staff/applications/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        var queue = await (await other.GetAsync("/api/staff/applications?pageSize=100")).AssertOkJsonAsync();
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Transfer_MovesTheApplicationIntoTheOtherUnionsQueue()
    {
        var id = await SubmitAtStationOfAsync(2);
        using var guishan = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var gucheng = await StaffClientAsync(StaffRoles.UnionReviewer, 3);

        var moved = await (await guishan.PostAsJsonAsync($"/api/staff/applications/{id}/transfer", new { unionId = 3, note = "实际在古城街道工作" }))
            .AssertOkJsonAsync();

        Assert.Equal("transferred", moved.GetProperty("receivingUnion").GetProperty("rule").GetString());
        await (await gucheng.GetAsync($"/api/staff/applications/{id}")).AssertOkJsonAsync();
        await (await guishan.GetAsync($"/api/staff/applications/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
    }

    [Fact]
    public async Task ApproveAfterAnotherReviewerTransferredIt_Is409_NotA404()
    {
        var id = await SubmitAtStationOfAsync(2);
        using var first = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var second = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        await (await first.PostAsJsonAsync($"/api/staff/applications/{id}/transfer", new { unionId = 3, note = "转古城街道" })).AssertOkJsonAsync();

        var late = await second.PostAsync($"/api/staff/applications/{id}/approve", null);

        await late.AssertProblemAsync(HttpStatusCode.Conflict, "application_state_changed");
        using var outsider = await StaffClientAsync(StaffRoles.UnionReviewer, 5);
        await (await outsider.PostAsync($"/api/staff/applications/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
    }

    [Fact]
    public async Task BatchApprove_AnswersAResultPerId()
    {
        var first = await SubmitAtStationOfAsync(4);
        var second = await SubmitAtStationOfAsync(4);
        var outOfScope = await SubmitAtStationOfAsync(5);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 4);
        await (await reviewer.PostAsync($"/api/staff/applications/{second}/approve", null)).AssertOkJsonAsync();

        var batch = await (await reviewer.PostAsJsonAsync("/api/staff/applications/batch-approve", new { ids = new[] { first, second, outOfScope } }))
            .AssertOkJsonAsync();

        var outcomes = batch.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("outcome").GetString());
        Assert.Equal("approved", outcomes[first]);
        Assert.Equal("application_state_changed", outcomes[second]);
        Assert.Equal("application_not_found", outcomes[outOfScope]);
    }

    [Fact]
    public async Task Reveal_ShowsTheFullValues_AndWritesAnAuditRow()
    {
        var idNumber = TestPeople.NewIdNumber();
        var phone = TestPeople.NewPhone();
        var station = await api.CreateStationAsync(6);
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(), TestPeople.Form(idNumber, phone, stationScene: "s=" + station.Code));
        var id = application.GetProperty("id").GetInt64();
        var (username, staffId) = await api.CreateAsync(StaffRoles.UnionReviewer, 6);
        using var reviewer = api.CreateClient(await api.StaffTokenAsync(username));

        var revealed = await (await reviewer.PostAsync($"/api/staff/applications/{id}/reveal", null)).AssertOkJsonAsync();

        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());
        Assert.Equal(phone, revealed.GetProperty("phone").GetString());
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'application.revealed' AND entity_id = @id AND actor_id = @staffId", new { id, staffId }));
    }

    [Fact]
    public async Task Queue_DoesNotGiveBackTheHiddenDigits_OfAMaskedIdNumber()
    {
        var idNumber = TestPeople.NewIdNumber();
        var station = await api.CreateStationAsync(8);
        await api.SubmitAsync(await api.LoginWorkerAsync(), TestPeople.Form(idNumber, TestPeople.NewPhone(), stationScene: "s=" + station.Code));
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 8);

        var body = await (await reviewer.GetAsync($"/api/staff/applications?stationId={station.Id}")).Content.ReadAsStringAsync();

        var birth = idNumber.Substring(6, 8);
        Assert.Contains("\"age\":", body);
        Assert.DoesNotContain(birth, body);
        Assert.DoesNotContain($"{birth[..4]}-{birth[4..6]}-{birth[6..]}", body);
    }

    [Fact]
    public async Task Queue_IsOldestFirst_AndPages()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await SubmitAtStationOfAsync(7));
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 7);

        var firstPage = await (await reviewer.GetAsync("/api/staff/applications?status=submitted&pageSize=2&page=1")).AssertOkJsonAsync();
        var secondPage = await (await reviewer.GetAsync("/api/staff/applications?status=submitted&pageSize=2&page=2")).AssertOkJsonAsync();

        var seen = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids, seen);
        Assert.Equal(3, firstPage.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Reject_RequiresAKnownReason()
    {
        var id = await SubmitAtStationOfAsync(2);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);

        var response = await reviewer.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "because" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reasonCode", out _));
    }
}
