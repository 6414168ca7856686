namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

[Collection(EnterprisesCollection.Name)]
public sealed class FormationUnionFacts(ApiFixture api)
{
    private async Task<string> StatusAsync(long enterpriseId) =>
        await api.ScalarAsync<string>("SELECT union_status FROM enterprises WHERE id = @enterpriseId", new { enterpriseId });

    [Fact]
    public async Task UnionStatus_IsForming_FromThePreparatoryGroup_AndNoneAgain_WhenGoingBackBeforeIt()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();

        Assert.Equal("none", (await admin.AdvanceToAsync(enterpriseId, "commitment")).GetProperty("unionStatus").GetString());
        Assert.Equal("none", await StatusAsync(enterpriseId));
        Assert.Equal("forming", (await admin.AdvanceToAsync(enterpriseId, "preparatory_group")).GetProperty("unionStatus").GetString());
        Assert.Equal("forming", (await admin.AdvanceToAsync(enterpriseId, "election")).GetProperty("unionStatus").GetString());
        Assert.Equal("forming", (await admin.RecordAsync(enterpriseId, "preparatory_group", note: "选举程序不合规，重新组建筹备组"))
            .GetProperty("unionStatus").GetString());
        var back = await admin.RecordAsync(enterpriseId, "commitment", note: "企业撤回筹备组名单");
        Assert.Equal("none", back.GetProperty("unionStatus").GetString());
        Assert.Equal("none", await StatusAsync(enterpriseId));
        Assert.Equal("commitment", await api.ScalarAsync<string>("SELECT current_step_code FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
    }

    [Theory]
    [InlineData(false, "530427002", 3L)]
    [InlineData(true, "530427100", 14L)]
    public async Task FinalStep_CreatesTheEnterpriseUnion_UnderItsTownshipOrParkFederation(bool inPark, string township, long parentId)
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync(new TestEnterprises.Spec(Township: township, InIndustrialPark: inPark));
        await api.ScalarAsync<int>("UPDATE enterprises SET no_union_reason = '职工人数不稳定' WHERE id = @enterpriseId; SELECT 1",
            new { enterpriseId });
        var answeredOn = FormationKit.Today.AddDays(-3);

        var done = await admin.AdvanceToAsync(enterpriseId, "established", answeredOn);

        Assert.Equal("established", done.GetProperty("unionStatus").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("nextStep").ValueKind);
        var unionId = done.GetProperty("unionId").GetInt64();
        Assert.Equal(unionId, await api.ScalarAsync<long>("SELECT union_id FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
        Assert.Equal("enterprise_union", await api.ScalarAsync<string>("SELECT type FROM organizations WHERE id = @unionId", new { unionId }));
        Assert.Equal(parentId, await api.ScalarAsync<long>("SELECT parent_id FROM organizations WHERE id = @unionId", new { unionId }));
        Assert.Equal(answeredOn.ToDateTime(TimeOnly.MinValue),
            await api.ScalarAsync<DateTime>("SELECT union_established_on FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
        Assert.Null(await api.ScalarAsync<string?>("SELECT no_union_reason FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
    }

    [Fact]
    public async Task AnEstablishedEnterprise_TakesNoFurtherSteps_NorGoesBack()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var done = await admin.AdvanceToAsync(enterpriseId, "established");
        var version = done.GetProperty("version").GetInt32();

        await (await admin.PostStepAsync(enterpriseId, new { stepType = "election", note = "补充选举", version }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "formation_established");
        await (await admin.PostStepAsync(enterpriseId, new { stepType = "established", version }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "formation_established");
        Assert.Equal("established", await StatusAsync(enterpriseId));
        Assert.Equal(7, (await admin.StepsAsync(enterpriseId)).GetProperty("steps").GetArrayLength());

        var finalStepId = done.GetProperty("steps")[6].GetProperty("id").GetInt64();
        var corrected = FormationKit.Today.AddDays(-10);
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{finalStepId}", new { answeredOn = corrected }))
            .AssertOkJsonAsync();
        Assert.Equal(corrected.ToDateTime(TimeOnly.MinValue),
            await api.ScalarAsync<DateTime>("SELECT union_established_on FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
    }

    [Fact]
    public async Task FinalStep_NeedsTheEnterprisesTownship_AndWritesNothingWithoutIt()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var atElection = await admin.AdvanceToAsync(enterpriseId, "election");
        await api.ExecuteAsync("UPDATE enterprises SET township_code = NULL WHERE id = @enterpriseId", new { enterpriseId });

        await (await admin.PostStepAsync(enterpriseId, new { stepType = "established", version = atElection.GetProperty("version").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_township_missing");

        Assert.Equal("forming", await StatusAsync(enterpriseId));
        Assert.Equal(6, (await admin.StepsAsync(enterpriseId)).GetProperty("steps").GetArrayLength());
        Assert.Equal(0, await api.ScalarAsync<int>("SELECT COUNT(*) FROM organizations WHERE code = @code", new { code = $"ent-{enterpriseId}" }));
    }

    [Fact]
    public async Task Applications_NamingTheEmployer_GoToItsNewUnion_OnlyOnceFormationIsComplete()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync(new TestEnterprises.Spec(Township: "530427002"));
        var creditCode = await api.ScalarAsync<string>("SELECT credit_code FROM enterprises WHERE id = @enterpriseId", new { enterpriseId });
        var byId = new { enterpriseId };
        var byCode = new { name = "测试物流有限公司", creditCode };

        var before = await ApplyAsync(byId);
        Assert.NotEqual("employer_union", before.GetProperty("rule").GetString());
        var beforeByCode = await ApplyAsync(byCode);
        Assert.NotEqual("employer_union", beforeByCode.GetProperty("rule").GetString());
        await admin.AdvanceToAsync(enterpriseId, "election");
        Assert.NotEqual("employer_union", (await ApplyAsync(byId)).GetProperty("rule").GetString());

        var unionId = (await admin.AdvanceToAsync(enterpriseId, "established")).GetProperty("unionId").GetInt64();

        var after = await ApplyAsync(byId);
        Assert.Equal("employer_union", after.GetProperty("rule").GetString());
        Assert.Equal(unionId, after.GetProperty("id").GetInt64());
        var afterByCode = await ApplyAsync(byCode);
        Assert.Equal("employer_union", afterByCode.GetProperty("rule").GetString());
        Assert.Equal(unionId, afterByCode.GetProperty("id").GetInt64());
    }

    private async Task<JsonElement> ApplyAsync(object employer)
    {
        var worker = await api.LoginWorkerAsync();
        var application = await api.SubmitAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), township: "530427002",
            employer: employer));
        return application.GetProperty("receivingUnion");
    }
}
