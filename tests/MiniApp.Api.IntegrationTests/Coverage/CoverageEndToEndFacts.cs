using MiniApp.Api.IntegrationTests.Coverage.Engine;

namespace MiniApp.Api.IntegrationTests.Coverage;

/// <summary>
/// From the worker's application to the county's report: a township reviewer files the survey, workers apply, staff
/// decide, the hourly job refreshes, and the report over HTTP shows exactly the figures worked out by hand; the night's
/// freeze keeps them when the next day's decisions arrive.
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class CoverageEndToEndFacts(ApiFixture api)
{
    private const string Township = "530427203";  // 老厂乡
    private const long TownshipUnion = 11;        // 老厂乡总工会
    private const string Group = "security_guard";
    private static readonly DateOnly Day = new(2051, 3, 15);

    [Fact]
    public async Task Report_ShowsTheDaysApplicationsAndDecisions_AgainstTheSurvey_AndKeepsThemOnceFrozen()
    {
        await using var kit = new CoverageEngineKit(api);
        await kit.FreezeAsync(Day);  // the day before is frozen: the base the day's journal adds to
        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: TownshipUnion);
        using var staff = api.CreateClient(await api.StaffTokenAsync(reviewer));
        var before = await GroupRowAsync(staff, Day.AddDays(-1));
        var membersBefore = before.GetProperty("activeMembers").GetInt32();
        var openBefore = before.GetProperty("openApplications").GetInt32();

        (await staff.PutAsJsonAsync("/api/staff/surveys/groups", new
        {
            periodStart = Day.ToString("yyyy-MM-dd"),
            rows = new[] { new { township = Township, group = Group, workers = 10, units = 2, unitsWithUnion = 1 } },
        })).EnsureSuccessStatusCode();

        kit.SetDay(Day);
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await kit.SubmitAsync(Township, Group)).Id);
        Assert.True((await kit.ApproveAsync(ids[0])).IsSuccessStatusCode);
        Assert.True((await kit.ApproveAsync(ids[1])).IsSuccessStatusCode);
        await kit.RejectAsync(ids[2]);
        await kit.RefreshAsync(Day);

        var row = await GroupRowAsync(staff, Day);
        var members = membersBefore + 2;
        Assert.Equal(10, row.GetProperty("surveyedWorkers").GetInt32());
        Assert.Equal(2, row.GetProperty("surveyedUnits").GetInt32());
        Assert.Equal(members, row.GetProperty("activeMembers").GetInt32());
        Assert.Equal(openBefore + 1, row.GetProperty("openApplications").GetInt32());
        Assert.Equal(4, row.GetProperty("submittedInPeriod").GetInt32());
        Assert.Equal(2, row.GetProperty("approvedInPeriod").GetInt32());
        Assert.Equal(1, row.GetProperty("rejectedInPeriod").GetInt32());
        Assert.Equal(0, row.GetProperty("decisionDaysMedian").GetInt32());
        Assert.Equal(0, row.GetProperty("decisionDaysP90").GetInt32());
        Assert.Equal("surveyed_group", row.GetProperty("denominator").GetString());
        Assert.Equal(Math.Round(members / 10m, 4), row.GetProperty("joinRate").GetDecimal());
        Assert.Equal(0.6m - Math.Round(members / 10m, 4), row.GetProperty("gapToTarget").GetDecimal());

        // The night freezes the day; the next day's approval shows on the next day only.
        await kit.FreezeAsync(Day.AddDays(1));
        var frozen = await ReportAsync(staff, Day);
        Assert.True(frozen.GetProperty("frozen").GetBoolean());
        kit.SetDay(Day.AddDays(1));
        Assert.True((await kit.ApproveAsync(ids[3])).IsSuccessStatusCode);
        await kit.RefreshAsync(Day.AddDays(1));

        Assert.Equal(frozen.ToString(), (await ReportAsync(staff, Day)).ToString());
        var next = await GroupRowAsync(staff, Day.AddDays(1));
        Assert.Equal(members + 1, next.GetProperty("activeMembers").GetInt32());
        Assert.Equal(1, next.GetProperty("approvedInPeriod").GetInt32());
        Assert.Equal(1, next.GetProperty("decisionDaysMedian").GetInt32());
    }

    private static async Task<JsonElement> ReportAsync(HttpClient staff, DateOnly date)
    {
        var query = $"/api/staff/reports/coverage?date={date:yyyy-MM-dd}&from={date:yyyy-MM-dd}&by=group";
        return await (await staff.GetAsync(query)).AssertOkJsonAsync();
    }

    /// <summary>The group's row in the reviewer's report: their township only.</summary>
    private static async Task<JsonElement> GroupRowAsync(HttpClient staff, DateOnly date)
    {
        var report = await ReportAsync(staff, date);
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == Group);
        return row.GetProperty("workers");
    }
}
