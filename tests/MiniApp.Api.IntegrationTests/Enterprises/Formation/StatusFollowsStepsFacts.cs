namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

/// <summary>
/// Once an enterprise has formation steps, 未建会 / 筹建中 follow them: the register cannot set the other one, and moving the
/// type that marks 筹建中 restates every enterprise on the way. The step-type facts change the county-wide list and put it back.
/// </summary>
[Collection(EnterprisesCollection.Name)]
public sealed class StatusFollowsStepsFacts(ApiFixture api)
{
    private async Task<string> StatusAsync(long id) =>
        await api.ScalarAsync<string>("SELECT union_status FROM enterprises WHERE id = @id", new { id });

    private static async Task<(long Id, Dictionary<string, object?> Body)> CreateAsync(HttpClient admin)
    {
        var body = EnterpriseKit.Body("步骤定状态" + EnterpriseKit.NewToken());
        return ((await admin.CreateEnterpriseAsync(body)).GetProperty("id").GetInt64(), body);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient admin, long id, Dictionary<string, object?> body) =>
        await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", body.With("version", await admin.VersionAsync(id)));

    [Fact]
    public async Task Register_CannotSetNoneOrForming_AgainstTheSteps_ButMayEstablish()
    {
        using var admin = await api.AdminClientAsync();
        var (withSteps, body) = await CreateAsync(admin);
        var (withoutSteps, otherBody) = await CreateAsync(admin);
        await admin.AdvanceToAsync(withSteps, "notice");

        var refused = await (await PutAsync(admin, withSteps, body.With("unionStatus", "forming")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.StartsWith("建会状态由建会步骤决定", refused.GetProperty("errors").GetProperty("unionStatus")[0].GetString());
        Assert.Equal("none", await StatusAsync(withSteps));
        await (await PutAsync(admin, withSteps, body.With("unionStatus", "none").With("note", "状态不变，可以改别的"))).AssertOkJsonAsync();
        await (await PutAsync(admin, withoutSteps, otherBody.With("unionStatus", "forming"))).AssertOkJsonAsync();
        Assert.Equal("forming", await StatusAsync(withoutSteps));

        var code = body["creditCode"]!.ToString();
        var imported = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx([new Dictionary<string, object?>
        {
            ["乡镇(街道)"] = "桂山街道", ["企业名称"] = body["name"], ["统一社会信用代码"] = code, ["是否建会"] = "筹建中",
        }]))).AssertOkJsonAsync();
        Assert.True(imported.GetProperty("rows")[0].GetProperty("errors").TryGetProperty("是否建会", out _), imported.ToString());
        Assert.Equal("none", await StatusAsync(withSteps));

        await (await PutAsync(admin, withSteps, body.With("unionStatus", "established").With("unionEstablishedOn", "2019-06-01")
            .With("noUnionReason", null))).AssertOkJsonAsync();
        Assert.Equal("established", await StatusAsync(withSteps));
    }

    private static object Item(JsonElement type, bool marksForming) => new
    {
        code = type.GetProperty("code").GetString(), name = type.GetProperty("name").GetString(), active = type.GetProperty("active").GetBoolean(),
        isFinal = type.GetProperty("isFinal").GetBoolean(), marksForming,
    };

    private static async Task<JsonElement> MarkAsync(HttpClient admin, List<JsonElement> types, string code) =>
        await (await admin.PutAsJsonAsync("/api/staff/formation-step-types",
            new { types = types.Select(t => Item(t, t.GetProperty("code").GetString() == code)).ToList() })).AssertOkJsonAsync();

    [Fact]
    public async Task MovingTheFormingMark_RestatesTheEnterprisesOnTheWay()
    {
        using var admin = await api.AdminClientAsync();
        var types = (await (await admin.GetAsync("/api/staff/formation-step-types")).AssertOkJsonAsync()).GetProperty("types").EnumerateArray().ToList();
        var atCommitment = await api.InsertAsync();
        var atPreparatory = await api.InsertAsync();
        var byHand = await api.InsertAsync(new TestEnterprises.Spec(UnionStatus: "forming"));
        await admin.AdvanceToAsync(atCommitment, "commitment");
        await admin.AdvanceToAsync(atPreparatory, "preparatory_group");
        var version = await admin.VersionAsync(atCommitment);
        try
        {
            await MarkAsync(admin, types, "commitment");
            Assert.Equal(("forming", "forming", "forming"), (await StatusAsync(atCommitment), await StatusAsync(atPreparatory), await StatusAsync(byHand)));
            Assert.Equal(version + 1, await admin.VersionAsync(atCommitment));

            await MarkAsync(admin, types, "election");
            Assert.Equal(("none", "none", "forming"), (await StatusAsync(atCommitment), await StatusAsync(atPreparatory), await StatusAsync(byHand)));
        }
        finally
        {
            await MarkAsync(admin, types, "preparatory_group");
        }
        Assert.Equal(("none", "forming"), (await StatusAsync(atCommitment), await StatusAsync(atPreparatory)));
    }
}
