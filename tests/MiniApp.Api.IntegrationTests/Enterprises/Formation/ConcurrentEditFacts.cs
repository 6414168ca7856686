namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

[Collection(EnterprisesCollection.Name)]
public sealed class ConcurrentEditFacts(ApiFixture api)
{
    [Fact]
    public async Task CorrectingTheFinalStepsDate_BumpsTheVersion_SoARegisterEditReadBeforeIsRefused()
    {
        using var admin = await api.AdminClientAsync();
        var body = EnterpriseKit.Body("并发修改" + EnterpriseKit.NewToken());
        var id = (await admin.CreateEnterpriseAsync(body)).GetProperty("id").GetInt64();
        var today = FormationKit.Today;
        var view = await admin.AdvanceToAsync(id, "established", answeredOn: today.AddDays(-2));
        var finalStep = view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepType").GetString() == "established");
        var read = await (await admin.GetAsync($"/api/staff/enterprises/{id}")).AssertOkJsonAsync();

        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}/steps/{finalStep.GetProperty("id").GetInt64()}",
            new { answeredOn = today.AddDays(-1) })).AssertOkJsonAsync();
        var stale = body.With("unionStatus", "established").With("unionEstablishedOn", read.GetProperty("unionEstablishedOn").GetString())
            .With("noUnionReason", null).With("note", "读取后修改").With("version", read.GetProperty("version").GetInt32());

        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", stale)).AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_state_changed");
        Assert.Equal(today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
            await api.ScalarAsync<DateTime>("SELECT union_established_on FROM enterprises WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task CorrectingTheFinalStepsNote_LeavesTheVersion_SoARegisterEditReadBeforeGoesThrough()
    {
        using var admin = await api.AdminClientAsync();
        var body = EnterpriseKit.Body("备注修改" + EnterpriseKit.NewToken());
        var id = (await admin.CreateEnterpriseAsync(body)).GetProperty("id").GetInt64();
        var answeredOn = FormationKit.Today.AddDays(-2);
        var view = await admin.AdvanceToAsync(id, "established", answeredOn: answeredOn);
        var finalStep = view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepType").GetString() == "established");
        var read = await (await admin.GetAsync($"/api/staff/enterprises/{id}")).AssertOkJsonAsync();

        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}/steps/{finalStep.GetProperty("id").GetInt64()}",
            new { answeredOn, note = "会员大会选举产生工会委员会" })).AssertOkJsonAsync();
        var edit = body.With("unionStatus", "established").With("unionEstablishedOn", read.GetProperty("unionEstablishedOn").GetString())
            .With("noUnionReason", null).With("note", "读取后修改").With("version", read.GetProperty("version").GetInt32());

        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", edit)).AssertOkJsonAsync();
    }
}
