namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

/// <summary>These facts change the county-wide list; each puts the original back, and the collection runs one test at a time.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class StepTypeConfigurationFacts(ApiFixture api)
{
    private static object Item(JsonElement type, string? name = null, bool? active = null) => new
    {
        code = type.GetProperty("code").GetString(), name = name ?? type.GetProperty("name").GetString(),
        active = active ?? type.GetProperty("active").GetBoolean(), isFinal = type.GetProperty("isFinal").GetBoolean(),
        marksForming = type.GetProperty("marksForming").GetBoolean(),
    };

    private static async Task<List<JsonElement>> TypesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/staff/formation-step-types")).AssertOkJsonAsync()).GetProperty("types").EnumerateArray().ToList();

    [Fact]
    public async Task AnyStaffReads_OnlyCountyAdminsChange()
    {
        using var keeper = (await api.SignedInStaffAsync(StaffRoles.StationKeeper, 2)).Client;
        using var reviewer = (await api.SignedInStaffAsync(StaffRoles.UnionReviewer, 2)).Client;
        var types = await TypesAsync(keeper);
        Assert.Equal(FormationKit.DefaultOrder, types.Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("建会完成", Assert.Single(types, t => t.GetProperty("isFinal").GetBoolean()).GetProperty("name").GetString());
        Assert.Equal("preparatory_group", Assert.Single(types, t => t.GetProperty("marksForming").GetBoolean()).GetProperty("code").GetString());

        await (await reviewer.PutAsJsonAsync("/api/staff/formation-step-types", new { types = types.Select(t => Item(t, name: "改名")).ToList() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(types.Select(t => t.GetProperty("name").GetString()), (await TypesAsync(keeper)).Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Configure_RefusesToRemoveAUsedType_AndNeedsExactlyOneFinalType()
    {
        using var admin = await api.AdminClientAsync();
        await admin.RecordAsync(await api.InsertAsync(), "survey_visit");
        var types = await TypesAsync(admin);
        Assert.True(types[0].GetProperty("inUse").GetBoolean());

        var removed = await (await admin.PutAsJsonAsync("/api/staff/formation-step-types", new { types = types.Skip(1).Select(t => Item(t)).ToList() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "step_type_in_use");
        Assert.Contains("摸底走访", removed.GetProperty("detail").GetString());

        var twoFinals = types.Select(t => Item(t)).ToList();
        twoFinals.Insert(0, new { code = (string?)null, name = "再次建会", active = true, isFinal = true, marksForming = false });
        var problem = await (await admin.PutAsJsonAsync("/api/staff/formation-step-types", new { types = twoFinals }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("types", out _));
        var noFinal = types.Select(t => new { code = t.GetProperty("code").GetString(), name = t.GetProperty("name").GetString(), active = true, isFinal = false })
            .ToList();
        await (await admin.PutAsJsonAsync("/api/staff/formation-step-types", new { types = noFinal }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(FormationKit.DefaultOrder, (await TypesAsync(admin)).Select(t => t.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Configure_RenamesDeactivatesAndAdds_AndStepsFollowTheNewOrder()
    {
        using var admin = await api.AdminClientAsync();
        var original = await TypesAsync(admin);
        var enterpriseId = await api.InsertAsync();
        try
        {
            var changed = new List<object>
            {
                Item(original[0], name: "入企走访"),
                Item(original[1], active: false),
                new { code = (string?)null, name = "法律监督意见书", active = true, isFinal = false, marksForming = false },
            };
            changed.AddRange(original.Skip(2).Select(t => Item(t)));
            var saved = (await (await admin.PutAsJsonAsync("/api/staff/formation-step-types", new { types = changed })).AssertOkJsonAsync())
                .GetProperty("types").EnumerateArray().ToList();
            Assert.Equal(8, saved.Count);
            Assert.Equal("入企走访", saved[0].GetProperty("name").GetString());
            Assert.False(saved[1].GetProperty("active").GetBoolean());
            var added = saved[2].GetProperty("code").GetString()!;
            Assert.Equal("法律监督意见书", saved[2].GetProperty("name").GetString());

            var first = await admin.RecordAsync(enterpriseId, "survey_visit");
            Assert.Equal("入企走访", first.GetProperty("currentStep").GetProperty("name").GetString());
            Assert.Equal(added, FormationKit.NextCode(first));
            await (await admin.PostStepAsync(enterpriseId, new { stepType = "reminder_letter", version = first.GetProperty("version").GetInt32() }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("notice", FormationKit.NextCode(await admin.RecordAsync(enterpriseId, added)));
        }
        finally
        {
            // The added type is in use now; the enterprise goes, and its steps with it, so the list can be put back.
            await api.ExecuteAsync("DELETE FROM enterprises WHERE id = @enterpriseId", new { enterpriseId });
            await (await admin.PutAsJsonAsync("/api/staff/formation-step-types", new { types = original.Select(t => Item(t)).ToList() }))
                .AssertOkJsonAsync();
        }
        Assert.Equal(FormationKit.DefaultOrder, (await TypesAsync(admin)).Select(t => t.GetProperty("code").GetString()));
    }
}
