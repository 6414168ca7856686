namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

[Collection(EnterprisesCollection.Name)]
public sealed class FormationStepFacts(ApiFixture api)
{
    [Fact]
    public async Task Record_AcceptsOnlyTheNextStep_RefusesSkipsAndRepeats()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var fresh = await admin.StepsAsync(enterpriseId);
        Assert.Null(FormationKit.CurrentCode(fresh));
        Assert.Equal("survey_visit", FormationKit.NextCode(fresh));
        Assert.Equal(0, fresh.GetProperty("steps").GetArrayLength());

        var skip = await (await admin.PostStepAsync(enterpriseId, new { stepType = "reminder_letter", version = fresh.GetProperty("version").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "formation_step_out_of_order");
        Assert.Contains("摸底走访", skip.GetProperty("detail").GetString());
        Assert.Equal("survey_visit", skip.GetProperty("expectedStep").GetString());

        var first = await admin.RecordAsync(enterpriseId, "survey_visit", servedOn: FormationKit.Today.AddDays(-1));
        Assert.Equal("survey_visit", FormationKit.CurrentCode(first));
        Assert.Equal("reminder_letter", FormationKit.NextCode(first));
        Assert.Equal(fresh.GetProperty("version").GetInt32() + 1, first.GetProperty("version").GetInt32());
        var step = Assert.Single(first.GetProperty("steps").EnumerateArray());
        Assert.Equal("摸底走访", step.GetProperty("stepTypeName").GetString());
        Assert.False(step.GetProperty("wentBack").GetBoolean());

        var version = first.GetProperty("version").GetInt32();
        await (await admin.PostStepAsync(enterpriseId, new { stepType = "survey_visit", version }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "formation_step_repeated");
        var skipAgain = await (await admin.PostStepAsync(enterpriseId, new { stepType = "notice", version }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "formation_step_out_of_order");
        Assert.Contains("提示函", skipAgain.GetProperty("detail").GetString());
        Assert.Single((await admin.StepsAsync(enterpriseId)).GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task Record_WithAStaleVersion_IsRefused_AndWritesNothing()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var stale = await admin.VersionAsync(enterpriseId);
        await admin.RecordAsync(enterpriseId, "survey_visit");

        await (await admin.PostStepAsync(enterpriseId, new { stepType = "reminder_letter", version = stale }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_state_changed");

        var view = await admin.StepsAsync(enterpriseId);
        Assert.Equal("survey_visit", FormationKit.CurrentCode(view));
        Assert.Equal(1, await api.ScalarAsync<int>("SELECT COUNT(*) FROM enterprise_formation_steps WHERE enterprise_id = @enterpriseId", new { enterpriseId }));
    }

    [Fact]
    public async Task GoingBack_NeedsANote_AndIsRecordedAsAStepBack()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var atCommitment = await admin.AdvanceToAsync(enterpriseId, "commitment");
        var version = atCommitment.GetProperty("version").GetInt32();

        var withoutNote = await (await admin.PostStepAsync(enterpriseId, new { stepType = "reminder_letter", version }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(withoutNote.GetProperty("errors").TryGetProperty("note", out _));

        var back = await admin.RecordAsync(enterpriseId, "reminder_letter", note: "企业更换法定代表人，需重新送达提示函");
        Assert.Equal("reminder_letter", FormationKit.CurrentCode(back));
        Assert.Equal("notice", FormationKit.NextCode(back));
        var steps = back.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["survey_visit", "reminder_letter", "notice", "commitment", "reminder_letter"], steps.Select(s => s.GetProperty("stepType").GetString()));
        Assert.True(steps[^1].GetProperty("wentBack").GetBoolean());
        Assert.Equal("企业更换法定代表人，需重新送达提示函", steps[^1].GetProperty("note").GetString());
        Assert.All(steps[..^1], s => Assert.False(s.GetProperty("wentBack").GetBoolean()));
        Assert.Equal(1, await api.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'enterprise' AND entity_id = @enterpriseId AND action = 'formation.step_went_back'",
            new { enterpriseId }));
    }

    [Fact]
    public async Task Record_ChecksDatesAndTheResponsibleStaffMember()
    {
        using var admin = await api.AdminClientAsync();
        var enterpriseId = await api.InsertAsync();
        var version = await admin.VersionAsync(enterpriseId);
        var (_, keeperId) = await api.CreateAsync(StaffRoles.StationKeeper, 2);
        var (_, disabledId) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        await api.ExecuteAsync("UPDATE staff SET disabled = 1 WHERE id = @disabledId", new { disabledId });
        var today = FormationKit.Today;

        var dates = await (await admin.PostStepAsync(enterpriseId, new
        {
            stepType = "survey_visit", servedOn = today.AddDays(-3), answeredOn = today.AddDays(-4), deadline = today.AddDays(-5), version,
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(dates.GetProperty("errors").TryGetProperty("answeredOn", out _));
        Assert.True(dates.GetProperty("errors").TryGetProperty("deadline", out _));
        foreach (var responsible in new[] { keeperId, disabledId, 9_999_999 })
        {
            var problem = await (await admin.PostStepAsync(enterpriseId, new { stepType = "survey_visit", responsibleStaffId = responsible, version }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("responsibleStaffId", out _));
        }
        Assert.Null(FormationKit.CurrentCode(await admin.StepsAsync(enterpriseId)));
    }

    [Fact]
    public async Task Update_CorrectsAStepsFields_ButNotAnotherEnterprisesStep()
    {
        using var admin = await api.AdminClientAsync();
        var (_, responsibleId) = await api.CreateAsync(StaffRoles.DepartmentViewer, 1, "transport");
        var enterpriseId = await api.InsertAsync();
        var otherId = await api.InsertAsync();
        var recorded = await admin.RecordAsync(enterpriseId, "survey_visit");
        var stepId = recorded.GetProperty("steps")[0].GetProperty("id").GetInt64();
        var today = FormationKit.Today;

        var updated = await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}", new
        {
            servedOn = today.AddDays(-2), answeredOn = today.AddDays(-1), deadline = today.AddDays(5), responsibleStaffId = responsibleId, note = "已电话确认",
        })).AssertOkJsonAsync();

        var step = updated.GetProperty("steps")[0];
        Assert.Equal(today.AddDays(-2).ToString("yyyy-MM-dd"), step.GetProperty("servedOn").GetString());
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), step.GetProperty("answeredOn").GetString());
        Assert.Equal(today.AddDays(5).ToString("yyyy-MM-dd"), step.GetProperty("deadline").GetString());
        Assert.Equal(responsibleId, step.GetProperty("responsible").GetProperty("id").GetInt64());
        Assert.Equal("测试账号", step.GetProperty("responsible").GetProperty("displayName").GetString());
        Assert.Equal("已电话确认", step.GetProperty("note").GetString());
        Assert.Equal("survey_visit", step.GetProperty("stepType").GetString());
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{otherId}/steps/{stepId}", new { note = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "formation_step_not_found");
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{enterpriseId}/steps/{stepId}", new { servedOn = today, answeredOn = today.AddDays(-1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
