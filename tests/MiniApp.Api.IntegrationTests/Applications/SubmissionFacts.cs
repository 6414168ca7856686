namespace MiniApp.Api.IntegrationTests.Applications;

[Collection(ApplicationsCollection.Name)]
public sealed class SubmissionFacts(ApiFixture api)
{
    private async Task<HttpResponseMessage> PostAsync(TestPeople.Worker worker, object form, string? key = null)
    {
        using var client = api.CreateClient(worker.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(form) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<long> CountAsync(string idNumber)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE id_number_hash = @Hash",
            new { Hash = api.LookupHash(idNumber, "id_number") });
    }

    [Fact]
    public async Task Submit_WithTheSameIdempotencyKeyTwice_MakesOneApplication()
    {
        var worker = await api.LoginWorkerAsync();
        var idNumber = TestPeople.NewIdNumber();
        var form = TestPeople.Form(idNumber, TestPeople.NewPhone());
        var key = Guid.NewGuid().ToString();

        var first = await (await PostAsync(worker, form, key)).AssertOkJsonAsync();
        var second = await (await PostAsync(worker, form, key)).AssertOkJsonAsync();

        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(1, await CountAsync(idNumber));
    }

    [Fact]
    public async Task Submit_WithAReusedKeyButOtherContent_Answers422()
    {
        var worker = await api.LoginWorkerAsync();
        var key = Guid.NewGuid().ToString();
        await (await PostAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()), key)).AssertOkJsonAsync();

        var response = await PostAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()), key);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task TwentyConcurrentSubmits_ForOnePerson_FromOneAccount_MakeExactlyOneApplication()
    {
        var idNumber = TestPeople.NewIdNumber();
        var worker = await api.LoginWorkerAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            PostAsync(worker, TestPeople.Form(idNumber, TestPeople.NewPhone()), Guid.NewGuid().ToString())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists");
        }
        Assert.Equal(1, await CountAsync(idNumber));
    }

    [Fact]
    public async Task Submit_Answers409AlreadyMember_AfterApproval_ToTheMembersOwnAccount()
    {
        var worker = await api.LoginWorkerAsync();
        var idNumber = TestPeople.NewIdNumber();
        var application = await api.SubmitAsync(worker, TestPeople.Form(idNumber, TestPeople.NewPhone()));
        await api.ApproveAsync(application.GetProperty("id").GetInt64());

        var response = await PostAsync(worker, TestPeople.Form(idNumber, TestPeople.NewPhone()));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
    }

    [Fact]
    public async Task Withdraw_ThenTheSamePersonMayApplyAgain()
    {
        var worker = await api.LoginWorkerAsync();
        var idNumber = TestPeople.NewIdNumber();
        var application = await api.SubmitAsync(worker, TestPeople.Form(idNumber, TestPeople.NewPhone()));
        using var client = api.CreateClient(worker.Token);

        var withdrawn = await (await client.PostAsync($"/api/applications/{application.GetProperty("id").GetInt64()}/withdraw", null)).AssertOkJsonAsync();
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        var again = await client.PostAsync($"/api/applications/{application.GetProperty("id").GetInt64()}/withdraw", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "application_state_changed");

        await (await PostAsync(worker, TestPeople.Form(idNumber, TestPeople.NewPhone()))).AssertOkJsonAsync();
    }

    [Fact]
    public async Task AnotherWorkersApplication_IsNotFound()
    {
        var owner = await api.LoginWorkerAsync();
        var application = await api.SubmitAsync(owner, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));
        var id = application.GetProperty("id").GetInt64();
        var stranger = await api.LoginWorkerAsync();
        using var client = api.CreateClient(stranger.Token);

        await (await client.PostAsync($"/api/applications/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        await (await client.PutAsJsonAsync($"/api/applications/{id}", TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone())))
            .AssertProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        var mine = await (await client.GetAsync("/api/applications/mine")).AssertOkJsonAsync();
        Assert.Equal(0, mine.GetArrayLength());
    }

    [Fact]
    public async Task Rejected_CanBeCorrectedAndResubmitted_KeepingItsHistory()
    {
        var worker = await api.LoginWorkerAsync();
        var application = await api.SubmitAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));
        var id = application.GetProperty("id").GetInt64();
        var (reviewer, _) = await api.CreateAsync(Api.Infrastructure.Auth.StaffRoles.UnionReviewer, unionId: 15);
        using var staff = api.CreateClient(await api.StaffTokenAsync(reviewer));
        var rejected = await (await staff.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "info_incomplete", note = "单位名称不全" }))
            .AssertOkJsonAsync();
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        using var client = api.CreateClient(worker.Token);
        var corrected = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone());
        corrected["name"] = "张三";
        var resubmitted = await (await client.PutAsJsonAsync($"/api/applications/{id}", corrected)).AssertOkJsonAsync();

        Assert.Equal(id, resubmitted.GetProperty("id").GetInt64());
        Assert.Equal("submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal("张三", resubmitted.GetProperty("name").GetString());
        var mine = (await (await client.GetAsync("/api/applications/mine")).AssertOkJsonAsync())[0];
        var actions = mine.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["application.submitted", "application.rejected", "application.resubmitted"], actions);
    }

    [Theory]
    [InlineData("truck_driver", null, "industry_union", 15L)]
    [InlineData("courier", "顺丰", "industry_union", 16L)]
    [InlineData("food_delivery_rider", "美团", "industry_union", 17L)]
    [InlineData("security_guard", null, "township_union", 12L)]
    public async Task Routing_WithoutStationOrEmployerUnion_GoesToTheIndustryOrTownshipUnion(string group, string? platform, string rule, long unionId)
    {
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: group, township: "530427204", platform: platform));

        Assert.Equal(rule, application.GetProperty("receivingUnion").GetProperty("rule").GetString());
        Assert.Equal(unionId, application.GetProperty("receivingUnion").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Routing_PrefersTheEmployersOwnUnion_OverTheStation()
    {
        var enterpriseUnionId = await api.CreateEnterpriseWithUnionAsync();
        var station = await api.CreateStationAsync(owningUnionId: 2);

        var application = await api.SubmitAsync(await api.LoginWorkerAsync(), TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(),
            stationScene: "s=" + station.Code, employer: new { enterpriseId = enterpriseUnionId.EnterpriseId }));

        Assert.Equal("employer_union", application.GetProperty("receivingUnion").GetProperty("rule").GetString());
        Assert.Equal(enterpriseUnionId.UnionId, application.GetProperty("receivingUnion").GetProperty("id").GetInt64());
    }
}
