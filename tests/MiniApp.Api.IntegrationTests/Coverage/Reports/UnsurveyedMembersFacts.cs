using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

/// <summary>
/// 平甸 on Sunday 2034-08-13: 货车司机 surveyed (100 workers, 40 members), 快递员 not surveyed (30 members). 入会率 counts
/// the 40 only: 0.4, not 70/100; activeMembers stays 70. No other township has figures that day.
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class UnsurveyedMembersFacts(ApiFixture api)
{
    private const string Day = "2034-08-13";
    private const string Pingdian = "530427200";

    private Task SeedAsync() => new CoverageSeed(api)
        .Day(Day)
        .Group(Day, Pingdian, "truck_driver", workers: 100, members: 40)
        .Group(Day, Pingdian, "courier", members: 30)
        .SaveAsync();

    [Fact]
    public async Task MembersOfAnUnsurveyedGroup_StayOutOfTheRate_InTheReportTrendWorkbookAndBulletin()
    {
        await SeedAsync();
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var report = await (await admin.GetAsync($"/api/staff/reports/coverage?date={Day}&from={Day}&by=township")).AssertOkJsonAsync();
        foreach (var row in new[] { report.Row(Pingdian), report.GetProperty("total") })
        {
            Assert.Equal((100L, 70L, 0.4m, 0.2m), row.Join());
            Assert.Equal(40L, row.GetProperty("workers").Long("surveyedGroupMembers"));
        }
        var byGroup = await (await admin.GetAsync($"/api/staff/reports/coverage?date={Day}&from={Day}&by=group")).AssertOkJsonAsync();
        Assert.Equal((0L, 30L, null, null), byGroup.Row("courier").Join());
        Assert.Equal(0L, byGroup.Row("courier").GetProperty("workers").Long("surveyedGroupMembers"));

        var trend = await (await admin.GetAsync($"/api/staff/reports/coverage/trend?from={Day}&to={Day}")).AssertOkJsonAsync();
        var point = trend.GetProperty("days")[0].GetProperty("total");
        Assert.Equal((70L, 40L, 100L, 0.4m), (point.Long("activeMembers"), point.Long("surveyedGroupMembers"), point.Long("surveyedWorkers"),
            point.Decimal("joinRate")));

        var workbook = await admin.GetAsync($"/api/staff/reports/coverage.xlsx?date={Day}&from={Day}&by=township");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        var rows = CoverageWorkbookFacts.Sheet(await workbook.Content.ReadAsByteArrayAsync(), CoverageWorkbook.WorkersSheet);
        var headers = rows[2].Select(c => c?.ToString()).ToList();
        var total = rows[^1];
        Assert.Equal(("70", "40", "40.00%"), (total[headers.IndexOf("已入会人数")]?.ToString(), total[headers.IndexOf("其中已摸底群体会员")]?.ToString(),
            total[headers.IndexOf("入会率")]?.ToString()));

        var bulletin = await (await admin.GetAsync($"/api/staff/reports/bulletin?weekEnding={Day}")).AssertOkJsonAsync();
        Assert.Equal(0.4m, bulletin.GetProperty("joinRate").Decimal("current"));
        Assert.Equal((70L, 40L), (bulletin.GetProperty("activeMembers").Long("current"), bulletin.GetProperty("surveyedGroupMembers").Long("current")));
        var laggard = Assert.Single(bulletin.GetProperty("townships").EnumerateArray());
        Assert.Equal((Pingdian, 0.4m, 40L), (laggard.GetProperty("key").GetString(), laggard.GetProperty("joinRate").GetDecimal(),
            laggard.Long("surveyedGroupMembers")));
        Assert.Contains("入会率40.00%", bulletin.GetProperty("summary").GetString());
    }
}
