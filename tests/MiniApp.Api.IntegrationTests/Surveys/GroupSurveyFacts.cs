using MiniApp.Api.IntegrationTests.Coverage.Reports;

namespace MiniApp.Api.IntegrationTests.Surveys;

[Collection(StationsCollection.Name)]
public sealed class GroupSurveyFacts(ApiFixture api)
{
    private const string Url = "/api/staff/surveys/groups";

    private static object Row(string township, string group, int? workers = 100, int? units = 5, int? unitsWithUnion = 2, string? coverageMode = null,
        string? note = null) => new { township, group, workers, units, unitsWithUnion, coverageMode, note };

    private async Task<int> StoredAsync(string periodStart)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM group_surveys WHERE period_start = @periodStart", new { periodStart });
    }

    [Fact]
    public async Task Put_SavesTheRows_ThenUpdatesOnlyWhatChanged()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        var rows = new[] { Row("530427001", "truck_driver", 200, 10, 4, "industry", "道路货运行业工会联合会覆盖"), Row("530427002", "courier", 80, 6, 6) };

        var first = await (await admin.PutAsJsonAsync(Url, new { periodStart = "2034-05-01", rows })).AssertOkJsonAsync();
        var second = await (await admin.PutAsJsonAsync(Url, new
        {
            periodStart = "2034-05-01", rows = new[] { rows[0], Row("530427002", "courier", 90, 6, 6, "single") },
        })).AssertOkJsonAsync();

        Assert.Equal((2, 0, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 1, 1), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        await using var db = await api.Database.OpenAsync();
        var stored = await db.QuerySingleAsync<(int Workers, int Units, int UnitsWithUnion, string? Mode, string? Note)>(
            "SELECT workers, units, units_with_union, coverage_mode, note FROM group_surveys WHERE period_start = '2034-05-01' AND township_code = '530427001'");
        Assert.Equal((200, 10, 4, "industry", "道路货运行业工会联合会覆盖"), stored);
        Assert.Equal((90, "single"), await db.QuerySingleAsync<(int, string)>(
            "SELECT workers, coverage_mode FROM group_surveys WHERE period_start = '2034-05-01' AND township_code = '530427002'"));

        var list = await (await admin.GetAsync(Url + "?periodStart=2034-05-01")).AssertOkJsonAsync();
        var truck = list.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "truck_driver");
        Assert.Equal(("桂山街道", "货车司机", "行业建", 200), (truck.GetProperty("townshipName").GetString(), truck.GetProperty("groupName").GetString(),
            truck.GetProperty("coverageModeName").GetString(), truck.GetProperty("workers").GetInt32()));
        Assert.Equal(["县交通运输局"], truck.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, list.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Put_RefusesEveryRow_WhenOneIsBad_AndSaysWhyUnderItsPath()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var response = await admin.PutAsJsonAsync(Url, new
        {
            periodStart = "2034-05-02",
            rows = new[]
            {
                Row("530427001", "truck_driver"),
                Row("530427999", "pilot", -1, 2, 3, "alone", new string('长', 201)),
                Row("530427001", "truck_driver"),
                Row("530427", "courier", null, null, null),
            },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[]
                 {
                     "rows[1].township", "rows[1].group", "rows[1].workers", "rows[1].unitsWithUnion", "rows[1].coverageMode", "rows[1].note",
                     "rows[2].group", "rows[3].township", "rows[3].workers", "rows[3].units", "rows[3].unitsWithUnion",
                 })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.False(errors.TryGetProperty("rows[0].township", out _));
        Assert.Contains("rows[0]", errors.GetProperty("rows[2].group")[0].GetString());
        Assert.Equal("从业人数不能为负数", errors.GetProperty("rows[1].workers")[0].GetString());
        Assert.Equal(0, await StoredAsync("2034-05-02"));
    }

    [Fact]
    public async Task Put_RefusesAMissingPeriodOrNoRows()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var problem = await (await admin.PutAsJsonAsync(Url, new { periodStart = "5月1日", rows = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("periodStart", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows", out _));
    }

    [Fact]
    public async Task TownshipReviewer_WritesAndReadsOnlyTheirTownship()
    {
        using var guishan = await api.StaffAsync(StaffRoles.UnionReviewer, 2);
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        await (await admin.PutAsJsonAsync(Url, new { periodStart = "2034-05-03", rows = new[] { Row("530427002", "courier") } })).AssertOkJsonAsync();

        var refused = await (await guishan.PutAsJsonAsync(Url, new
        {
            periodStart = "2034-05-03", rows = new[] { Row("530427001", "courier"), Row("530427002", "truck_driver") },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("桂山街道", refused.GetProperty("errors").GetProperty("rows[1].township")[0].GetString());
        Assert.Equal(1, await StoredAsync("2034-05-03"));

        await (await guishan.PutAsJsonAsync(Url, new { periodStart = "2034-05-03", rows = new[] { Row("530427001", "courier") } })).AssertOkJsonAsync();
        var list = await (await guishan.GetAsync(Url + "?periodStart=2034-05-03")).AssertOkJsonAsync();
        Assert.Equal(["530427001"], list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("township").GetString()));
        Assert.Equal(2, await StoredAsync("2034-05-03"));
    }

    [Fact]
    public async Task DepartmentViewer_WritesOnlyTheGroupsOfTheirDepartment()
    {
        using var transport = await api.StaffAsync(StaffRoles.DepartmentViewer, 1, "transport");

        var refused = await (await transport.PutAsJsonAsync(Url, new { periodStart = "2034-05-04", rows = new[] { Row("530427001", "courier") } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("rows[0].group", out _));

        await (await transport.PutAsJsonAsync(Url, new { periodStart = "2034-05-04", rows = new[] { Row("530427100", "truck_driver") } }))
            .AssertOkJsonAsync();
        Assert.Equal(1, await StoredAsync("2034-05-04"));
    }

    [Fact]
    public async Task StationKeeper_MayNotWriteSurveys()
    {
        using var keeper = await api.StaffAsync(StaffRoles.StationKeeper, 2);

        await (await keeper.PutAsJsonAsync(Url, new { periodStart = "2034-05-05", rows = new[] { Row("530427001", "courier") } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await StoredAsync("2034-05-05"));
    }
}
