namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

[Collection(CoverageCollection.Name)]
public sealed class CoverageReportFacts(ApiFixture api)
{
    private const string Url = $"/api/staff/reports/coverage?date={MarchFigures.Date}&from={MarchFigures.From}";

    private async Task<JsonElement> AdminReportAsync(string by, string url = Url)
    {
        await MarchFigures.SeedAsync(api);
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        return await (await admin.GetAsync($"{url}&by={by}")).AssertOkJsonAsync();
    }

    [Fact]
    public async Task ByTownship_GivesTheHandWorkedFigures()
    {
        var report = await AdminReportAsync("township");

        Assert.Equal(("2034-03-10", "2034-03-08", false, "township"), (report.GetProperty("date").GetString(), report.GetProperty("from").GetString(),
            report.GetProperty("frozen").GetBoolean(), report.GetProperty("by").GetString()));
        Assert.Equal(new DateTime(2034, 3, 10, 3, 5, 0, DateTimeKind.Utc), report.GetProperty("computedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(0.6m, report.GetProperty("target").GetDecimal());
        Assert.Equal(12, report.GetProperty("rows").GetArrayLength());
        Assert.Equal(MarchFigures.Guishan, report.Keys()[0]);
        Assert.Equal("530427205", report.Keys()[^1]);

        var guishan = report.Row(MarchFigures.Guishan);
        Assert.Equal("桂山街道", guishan.GetProperty("name").GetString());
        var w = guishan.GetProperty("workers");
        Assert.Equal((300L, 15L, 7L, 0.4667m), (w.Long("surveyedWorkers"), w.Long("surveyedUnits"), w.Long("surveyedUnitsWithUnion"), w.Decimal("unitsUnionRate")));
        Assert.Equal((300L, 160L, 0.5333m, 0.0667m), guishan.Join());
        Assert.Equal("surveyed_group", w.GetProperty("denominator").GetString());
        Assert.Equal((7L, 167L, 4L, 2L), (w.Long("openApplications"), w.Long("approvedTotal"), w.Long("rejectedTotal"), w.Long("withdrawnTotal")));
        Assert.Equal((8L, 7L, 1L, 1L), (w.Long("submittedInPeriod"), w.Long("approvedInPeriod"), w.Long("rejectedInPeriod"), w.Long("withdrawnInPeriod")));
        Assert.Equal((1, 4), (w.Int("decisionDaysMedian"), w.Int("decisionDaysP90")));

        var gucheng = report.Row(MarchFigures.Gucheng);
        Assert.Equal((350L, 130L, 0.3714m, 0.2286m), gucheng.Join());
        Assert.Equal((6L, 4L, 1L, 0L), (gucheng.GetProperty("workers").Long("submittedInPeriod"), gucheng.GetProperty("workers").Long("approvedInPeriod"),
            gucheng.GetProperty("workers").Long("rejectedInPeriod"), gucheng.GetProperty("workers").Long("withdrawnInPeriod")));
        Assert.Equal((2, 10), (gucheng.GetProperty("workers").Int("decisionDaysMedian"), gucheng.GetProperty("workers").Int("decisionDaysP90")));

        var yangwu = report.Row(MarchFigures.Yangwu);
        Assert.Equal((0L, 5L, null, null), yangwu.Join());
        Assert.Null(yangwu.GetProperty("workers").Int("decisionDaysMedian"));
        Assert.Equal((0L, 0L, (decimal?)null, (decimal?)null), report.Row("530427205").Join());

        var total = report.GetProperty("total");
        Assert.Equal((650L, 295L, 0.4462m, 0.1538m), total.Join());
        var t = total.GetProperty("workers");
        Assert.Equal((12L, 307L, 6L, 3L), (t.Long("openApplications"), t.Long("approvedTotal"), t.Long("rejectedTotal"), t.Long("withdrawnTotal")));
        Assert.Equal((14L, 11L, 2L, 1L), (t.Long("submittedInPeriod"), t.Long("approvedInPeriod"), t.Long("rejectedInPeriod"), t.Long("withdrawnInPeriod")));
        Assert.Equal((2, 5), (t.Int("decisionDaysMedian"), t.Int("decisionDaysP90")));
    }

    [Fact]
    public async Task ByTownship_GivesTheEnterpriseFigures_WithKeyCategories_AndTheUnionisedDenominator()
    {
        var report = await AdminReportAsync("township");

        Assert.Equal((5L, 2L, 0.4m, 0.2m), report.Row(MarchFigures.Guishan).Union());
        Assert.Equal((5L, 3L, 0.6m, 0m), report.Row(MarchFigures.Gucheng).Union());
        Assert.Equal((0L, 0L, null, null), report.Row(MarchFigures.Yangwu).Union());
        var guishan = report.Row(MarchFigures.Guishan).GetProperty("enterprises");
        Assert.Equal((950L, 500L, 400L, 0.8m), (guishan.Long("staff"), guishan.Long("staffInUnionised"), guishan.Long("membersInUnionised"),
            guishan.Decimal("memberRateInUnionised")));

        var total = report.GetProperty("total");
        Assert.Equal((10L, 5L, 0.5m, 0.1m), total.Union());
        var e = total.GetProperty("enterprises");
        Assert.Equal((2L, 1850L, 1000L, 740L, 0.74m), (e.Long("forming"), e.Long("staff"), e.Long("staffInUnionised"), e.Long("membersInUnionised"),
            e.Decimal("memberRateInUnionised")));
        Assert.Equal("unionised_enterprise_staff", e.GetProperty("memberRateDenominator").GetString());
        var categories = e.GetProperty("keyCategories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!);
        Assert.Equal(["key_npc_cppcc", "key_top_private", "key_top_entrepreneur", "key_yuxi_industrial"], categories.Keys);
        Assert.Equal((2L, 1L, 0.5m), (categories["key_npc_cppcc"].Long("enterprises"), categories["key_npc_cppcc"].Long("withUnion"),
            categories["key_npc_cppcc"].Decimal("unionRate")));
        Assert.Equal("各级人大代表和政协委员所在企业", categories["key_npc_cppcc"].GetProperty("name").GetString());
        Assert.Null(categories["key_top_private"].Decimal("unionRate"));
        Assert.Equal((1m, -0.4m), (categories["key_yuxi_industrial"].Decimal("unionRate"), categories["key_yuxi_industrial"].Decimal("gapToTarget")));
    }

    [Fact]
    public async Task ByGroup_RowsHaveNoEnterpriseFigures_TheTotalHas()
    {
        var report = await AdminReportAsync("group");

        Assert.Equal(12, report.GetProperty("rows").GetArrayLength());
        Assert.Equal(["truck_driver", "courier", "food_delivery_rider"], report.Keys()[..3]);
        var truck = report.Row("truck_driver");
        Assert.Equal("货车司机", truck.GetProperty("name").GetString());
        Assert.Equal((500L, 210L, 0.42m, 0.18m), truck.Join());
        Assert.Equal((9L, 7L, 2L), (truck.GetProperty("workers").Long("submittedInPeriod"), truck.GetProperty("workers").Long("approvedInPeriod"),
            truck.GetProperty("workers").Long("rejectedInPeriod")));
        Assert.Equal((2, 10), (truck.GetProperty("workers").Int("decisionDaysMedian"), truck.GetProperty("workers").Int("decisionDaysP90")));
        Assert.Equal((100L, 70L, 0.7m, -0.1m), report.Row("courier").Join());
        Assert.Equal((50L, 10L, 0.2m, 0.4m), report.Row("care_worker").Join());
        Assert.All(report.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("enterprises").ValueKind));
        Assert.Equal((650L, 295L, 0.4462m, 0.1538m), report.GetProperty("total").Join());
        Assert.Equal((10L, 5L, 0.5m, 0.1m), report.GetProperty("total").Union());
    }

    [Fact]
    public async Task ByDepartment_CountsAGroupUnderEachDepartmentThatLeadsIt_ButOnceInTheTotal()
    {
        var report = await AdminReportAsync("department");

        Assert.Equal(15, report.GetProperty("rows").GetArrayLength());   // 14 departments and 未指定部门, last
        Assert.Equal("county_federation", report.Keys()[0]);
        Assert.Equal(("", "未指定部门"), (report.Keys()[^1], report.Row("").GetProperty("name").GetString()));
        Assert.Equal((500L, 210L, 0.42m, 0.18m), report.Row("transport").Join());
        Assert.Equal((100L, 70L, 0.7m, -0.1m), report.Row("postal_service").Join());
        Assert.Equal((50L, 10L, 0.2m, 0.4m), report.Row("health").Join());          // care_worker (and private_medical, none)
        Assert.Equal((50L, 10L, 0.2m, 0.4m), report.Row("civil_affairs").Join());   // care_worker again
        Assert.Equal((0L, 5L, null, null), report.Row("").Join());                   // other: no department
        Assert.Equal((0L, 0L, null, null), report.Row("county_federation").Join());
        Assert.Equal((650L, 295L, 0.4462m, 0.1538m), report.GetProperty("total").Join());

        Assert.Equal((6L, 4L, 0.6667m, -0.0667m), report.Row("transport").Union());
        Assert.Equal((3L, 1L, 0.3333m, 0.2667m), report.Row("industry_technology").Union());
        Assert.Equal((1L, 0L, 0m, 0.6m), report.Row("").Union());
        Assert.Equal((0L, 0L, null, null), report.Row("health").Union());
        Assert.Equal((10L, 5L, 0.5m, 0.1m), report.GetProperty("total").Union());
    }

    [Fact]
    public async Task From_DefaultsToTheFirstOfTheMonth_SoEarlierFlowsAndDecisionsCount()
    {
        var report = await AdminReportAsync("township", $"/api/staff/reports/coverage?date={MarchFigures.Date}");

        Assert.Equal("2034-03-01", report.GetProperty("from").GetString());
        var t = report.GetProperty("total").GetProperty("workers");
        Assert.Equal((64L, 61L), (t.Long("submittedInPeriod"), t.Long("approvedInPeriod")));
        Assert.Equal((30, 30), (t.Int("decisionDaysMedian"), t.Int("decisionDaysP90")));
        Assert.Equal(295L, t.Long("activeMembers"));   // stocks are the date's, whatever the period
    }

    [Fact]
    public async Task ADayWithoutFigures_IsNotReady()
    {
        await MarchFigures.SeedAsync(api);
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var problem = await (await admin.GetAsync("/api/staff/reports/coverage?date=2034-03-11")).AssertProblemAsync(HttpStatusCode.NotFound,
            "coverage_not_ready");
        Assert.Contains("2034年3月11日", problem.GetProperty("detail").GetString());
        await (await admin.GetAsync("/api/staff/reports/coverage.xlsx?date=2034-03-11")).AssertProblemAsync(HttpStatusCode.NotFound, "coverage_not_ready");
    }

    [Theory]
    [InlineData("date=2034-03-10&from=2034-03-11", "from")]
    [InlineData("date=2034-3-10", "date")]
    [InlineData("date=2034-03-10&by=village", "by")]
    public async Task BadQueries_AreRefused(string query, string field)
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var problem = await (await admin.GetAsync("/api/staff/reports/coverage?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest,
            "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
