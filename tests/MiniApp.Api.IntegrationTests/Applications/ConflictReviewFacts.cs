namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>Two open applications name one 身份证号: the reviewer sees both flagged and decides; only one becomes a member.</summary>
[Collection(ApplicationsCollection.Name)]
public sealed class ConflictReviewFacts(ApiFixture api)
{
    private async Task<Submitted> SubmitAtStationOfAsync(long unionId, string idNumber)
    {
        var station = await api.CreateStationAsync(unionId);
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(idNumber, TestPeople.NewPhone(), stationScene: "s=" + station.Code));
        return new Submitted(application.GetProperty("id").GetInt64(), station.Id);
    }

    private sealed record Submitted(long Id, long StationId);

    private async Task<HttpClient> StaffClientAsync(string role, long unionId)
    {
        var (username, _) = await api.CreateAsync(role, unionId);
        return api.CreateClient(await api.StaffTokenAsync(username));
    }

    private static async Task<JsonElement> FlagsAsync(HttpClient staff, Submitted application) =>
        (await (await staff.GetAsync($"/api/staff/applications/{application.Id}")).AssertOkJsonAsync()).GetProperty("flags");

    private static async Task<JsonElement> QueueFlagsAsync(HttpClient staff, Submitted application)
    {
        var queue = await (await staff.GetAsync($"/api/staff/applications?stationId={application.StationId}")).AssertOkJsonAsync();
        return Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == application.Id).GetProperty("flags");
    }

    private static IEnumerable<long> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Numbers(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Number when element.TryGetInt64(out var number) => [number],
        _ => [],
    };

    private static long[] ConflictIds(JsonElement flags) => flags.GetProperty("conflictIds").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    [Fact]
    public async Task TwoAccounts_SamePerson_BothAccepted_AndBothFlaggedInTheQueueAndTheApplication()
    {
        var idNumber = TestPeople.NewIdNumber();
        var first = await SubmitAtStationOfAsync(2, idNumber);
        var second = await SubmitAtStationOfAsync(2, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);

        var firstFlags = await FlagsAsync(reviewer, first);
        var secondFlags = await FlagsAsync(reviewer, second);

        Assert.Equal([second.Id], ConflictIds(firstFlags));
        Assert.Equal(0, firstFlags.GetProperty("conflictsOutsideScope").GetInt32());
        Assert.False(firstFlags.GetProperty("alreadyMember").GetBoolean());
        Assert.Equal([first.Id], ConflictIds(secondFlags));
        Assert.Equal([second.Id], ConflictIds(await QueueFlagsAsync(reviewer, first)));
        Assert.Equal([first.Id], ConflictIds(await QueueFlagsAsync(reviewer, second)));
    }

    [Fact]
    public async Task Flags_CountAConflictOutsideTheReviewersScope_WithoutItsId()
    {
        var idNumber = TestPeople.NewIdNumber();
        var inScope = await SubmitAtStationOfAsync(2, idNumber);
        var outside = await SubmitAtStationOfAsync(3, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var admin = await StaffClientAsync(StaffRoles.CountyAdmin, 1);

        var single = await (await reviewer.GetAsync($"/api/staff/applications/{inScope.Id}")).Content.ReadAsStringAsync();
        var flags = await FlagsAsync(reviewer, inScope);
        var queued = await QueueFlagsAsync(reviewer, inScope);

        Assert.Empty(ConflictIds(flags));
        Assert.Equal(1, flags.GetProperty("conflictsOutsideScope").GetInt32());
        Assert.Empty(ConflictIds(queued));
        Assert.Equal(1, queued.GetProperty("conflictsOutsideScope").GetInt32());
        // No number anywhere in the answer is the other application's id (a text search would also find it inside a date).
        Assert.DoesNotContain(outside.Id, Numbers(JsonDocument.Parse(single).RootElement));
        Assert.Equal([outside.Id], ConflictIds(await FlagsAsync(admin, inScope)));
        Assert.Equal([inScope.Id], ConflictIds(await FlagsAsync(admin, outside)));
    }

    [Fact]
    public async Task Approve_TheSecondOfTwoConflictingApplications_Answers409AlreadyMember()
    {
        var idNumber = TestPeople.NewIdNumber();
        var first = await SubmitAtStationOfAsync(2, idNumber);
        var second = await SubmitAtStationOfAsync(2, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);

        await (await reviewer.PostAsync($"/api/staff/applications/{first.Id}/approve", null)).AssertOkJsonAsync();
        var response = await reviewer.PostAsync($"/api/staff/applications/{second.Id}/approve", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
        var flags = await FlagsAsync(reviewer, second);
        Assert.True(flags.GetProperty("alreadyMember").GetBoolean());
        Assert.Empty(ConflictIds(flags));
        await using var db = await api.Database.OpenAsync();
        var ids = new[] { first.Id, second.Id };
        Assert.Equal("submitted", await db.ExecuteScalarAsync<string>("SELECT status FROM applications WHERE id = @Id", new { second.Id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM members WHERE application_id IN @ids", new { ids }));
    }

    [Fact]
    public async Task BatchApprove_OfTwoConflictingApplications_ApprovesOne_AndAnswersAlreadyMemberForTheOther()
    {
        var idNumber = TestPeople.NewIdNumber();
        var first = await SubmitAtStationOfAsync(2, idNumber);
        var second = await SubmitAtStationOfAsync(2, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);

        var batch = await (await reviewer.PostAsJsonAsync("/api/staff/applications/batch-approve", new { ids = new[] { first.Id, second.Id } }))
            .AssertOkJsonAsync();

        var outcomes = batch.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("outcome").GetString());
        Assert.Equal("approved", outcomes[first.Id]);
        Assert.Equal("already_member", outcomes[second.Id]);
    }

    /// <summary>The journal counts applications, not people: the second stays open until the reviewer rejects it.</summary>
    [Fact]
    public async Task Journal_CountsBothApplicationsOfOnePerson_ButOneMember()
    {
        var idNumber = TestPeople.NewIdNumber();
        var first = await SubmitAtStationOfAsync(2, idNumber);
        var second = await SubmitAtStationOfAsync(2, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        await (await reviewer.PostAsync($"/api/staff/applications/{first.Id}/approve", null)).AssertOkJsonAsync();
        await reviewer.PostAsync($"/api/staff/applications/{second.Id}/approve", null);

        await using var db = await api.Database.OpenAsync();
        var ids = new[] { first.Id, second.Id };
        var sums = (await db.QueryAsync<(string Measure, decimal Delta)>("""
            SELECT measure, SUM(delta) FROM coverage_deltas WHERE application_id IN @ids GROUP BY measure
            """, new { ids })).ToDictionary(r => r.Measure, r => (int)r.Delta);

        Assert.Equal(1, sums["submitted"]);
        Assert.Equal(1, sums["approved"]);
        Assert.Equal(1, sums["member"]);
    }

    [Fact]
    public async Task Reject_RefusesTheReasonAlreadyMember_WhenTheApplicantIsNotTheMember()
    {
        var idNumber = TestPeople.NewIdNumber();
        var member = await SubmitAtStationOfAsync(2, idNumber);
        var stranger = await SubmitAtStationOfAsync(2, idNumber);
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        await (await reviewer.PostAsync($"/api/staff/applications/{member.Id}/approve", null)).AssertOkJsonAsync();

        // The worker reads the reason: "already a member" would tell a stranger whose 身份证号 this is.
        var refused = await reviewer.PostAsJsonAsync($"/api/staff/applications/{stranger.Id}/reject", new { reasonCode = "already_member" });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reasonCode", out _));

        await (await reviewer.PostAsJsonAsync($"/api/staff/applications/{stranger.Id}/reject", new { reasonCode = "identity_unverified" }))
            .AssertOkJsonAsync();
    }

    [Fact]
    public async Task Reject_TakesTheReasonAlreadyMember_WhenTheApplicantIsTheMember()
    {
        // One person applies from two WeChat accounts bound to the same phone before either is decided.
        var idNumber = TestPeople.NewIdNumber();
        var phone = TestPeople.NewPhone();
        var station = await api.CreateStationAsync(2);
        var ids = new List<long>();
        foreach (var _ in new[] { 1, 2 })
        {
            var worker = await api.LoginWorkerAsync();
            await api.BindPhoneAsync(worker, phone);
            ids.Add((await api.SubmitAsync(worker, TestPeople.Form(idNumber, phone, stationScene: "s=" + station.Code))).GetProperty("id").GetInt64());
        }
        using var reviewer = await StaffClientAsync(StaffRoles.UnionReviewer, 2);
        await (await reviewer.PostAsync($"/api/staff/applications/{ids[0]}/approve", null)).AssertOkJsonAsync();

        var rejected = await (await reviewer.PostAsJsonAsync($"/api/staff/applications/{ids[1]}/reject", new { reasonCode = "already_member" }))
            .AssertOkJsonAsync();

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
    }
}
