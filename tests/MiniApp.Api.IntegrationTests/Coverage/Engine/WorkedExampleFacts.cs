using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

/// <summary>
/// A hand-worked month in 2039 in two townships of one group: the figures of each day are exactly those worked out here,
/// on top of whatever the shared database held in those cells before the test (the baseline day).
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class WorkedExampleFacts(ApiFixture api)
{
    private const string Jianxing = "530427202";
    private const string Laochang = "530427203";
    private const string Group = "mall_promoter";
    private static readonly DateOnly Baseline = new(2039, 3, 1);
    private static readonly DateOnly Day1 = new(2039, 3, 2);
    private static readonly DateOnly Day2 = new(2039, 3, 3);
    private static readonly DateOnly Quiet = new(2039, 3, 4);
    private static readonly DateOnly Day3 = new(2039, 3, 5);

    [Fact]
    public async Task DailyFigures_AreTheHandWorkedOnes_ThroughFreezesCatchUpAndTheHourlyRefresh()
    {
        await using var kit = new CoverageEngineKit(api);
        var baselineFreeze = await kit.FreezeAsync(Baseline.AddDays(1));
        Assert.Equal([Baseline], baselineFreeze.Select(r => r.Day));
        Assert.Equal(CoverageMode.Full, baselineFreeze[0].Mode);
        var jianxing0 = await kit.GroupAsync(Baseline, Jianxing, Group);
        var laochang0 = await kit.GroupAsync(Baseline, Laochang, Group);
        var enterprises0 = await kit.EnterprisesAsync(Baseline, Jianxing);
        await AddEnterprisesAsync();
        await kit.AddSurveyAsync(Day2, Jianxing, Group, workers: 50, units: 4, unitsWithUnion: 1);

        // Day 1: four submissions; one approved and one rejected the same day.
        kit.SetDay(Day1);
        var (_, a1) = await kit.SubmitAsync(Jianxing, Group);
        var (w2, a2) = await kit.SubmitAsync(Jianxing, Group);
        var (w3, a3) = await kit.SubmitAsync(Jianxing, Group);
        var (_, a4) = await kit.SubmitAsync(Laochang, Group);
        Assert.True((await kit.ApproveAsync(a1)).IsSuccessStatusCode);
        await kit.RejectAsync(a2);
        Assert.Equal([Day1], (await kit.FreezeAsync(Day2)).Select(r => r.Day));

        // Day 2: a withdrawal, the rejected one corrected to the other township, and a batch approval of yesterday's.
        kit.SetDay(Day2);
        await kit.WithdrawAsync(w3, a3);
        await kit.ResubmitAsync(w2, a2, Laochang, Group);
        await kit.BatchApproveAsync(a4);
        Assert.Equal(7, await kit.JournalRowsAsync(Day2));

        // Nothing happens on day 3-04 and the freeze does not run that night: the next one catches up both days.
        var caughtUp = await kit.FreezeAsync(Day3);
        Assert.Equal([Day2, Quiet], caughtUp.Select(r => r.Day));
        Assert.All(caughtUp, r => Assert.Equal(CoverageMode.Incremental, r.Mode));
        Assert.All(caughtUp, r => Assert.True(r.Frozen));

        // Day 3, the current day: the corrected application approved; a new one in the first township.
        kit.SetDay(Day3);
        Assert.True((await kit.ApproveAsync(a2)).IsSuccessStatusCode);
        await kit.SubmitAsync(Jianxing, Group);
        var refreshed = await kit.RefreshAsync(Day3);
        Assert.NotNull(refreshed);
        Assert.Equal(CoverageMode.Incremental, refreshed.Mode);
        Assert.Equal(4, refreshed.DeltasRead);
        Assert.False((await kit.DayStateAsync(Day3)).Frozen);

        Assert.Equal(new GroupFigures(ActiveMembers: 1, OpenApplications: 1, ApprovedTotal: 1, RejectedTotal: 1,
            SubmittedInDay: 3, ApprovedInDay: 1, RejectedInDay: 1).On(jianxing0),
            await kit.GroupAsync(Day1, Jianxing, Group));
        Assert.Equal(new GroupFigures(OpenApplications: 1, SubmittedInDay: 1).On(laochang0),
            await kit.GroupAsync(Day1, Laochang, Group));
        Assert.Equal(new Dictionary<int, int> { [0] = 2 }, await kit.DecisionDaysAsync(Day1, Jianxing, Group));
        Assert.Empty(await kit.DecisionDaysAsync(Day1, Laochang, Group));

        var survey = new GroupFigures(SurveyedWorkers: 50, SurveyedUnits: 4, SurveyedUnitsWithUnion: 1);
        Assert.Equal((survey with { ActiveMembers = 1, ApprovedTotal = 1, WithdrawnTotal = 1, WithdrawnInDay = 1 }).On(jianxing0),
            await kit.GroupAsync(Day2, Jianxing, Group));
        Assert.Equal(new GroupFigures(ActiveMembers: 1, OpenApplications: 1, ApprovedTotal: 1, SubmittedInDay: 1, ApprovedInDay: 1)
            .On(laochang0),
            await kit.GroupAsync(Day2, Laochang, Group));
        Assert.Empty(await kit.DecisionDaysAsync(Day2, Jianxing, Group));
        Assert.Equal(new Dictionary<int, int> { [1] = 1 }, await kit.DecisionDaysAsync(Day2, Laochang, Group));

        Assert.Equal((survey with { ActiveMembers = 1, ApprovedTotal = 1, WithdrawnTotal = 1 }).On(jianxing0),
            await kit.GroupAsync(Quiet, Jianxing, Group));
        Assert.Empty(await kit.DecisionDaysAsync(Quiet, Laochang, Group));

        Assert.Equal((survey with { ActiveMembers = 1, OpenApplications = 1, ApprovedTotal = 1, WithdrawnTotal = 1, SubmittedInDay = 1 })
            .On(jianxing0), await kit.GroupAsync(Day3, Jianxing, Group));
        Assert.Equal(new GroupFigures(ActiveMembers: 2, ApprovedTotal: 2, ApprovedInDay: 1).On(laochang0),
            await kit.GroupAsync(Day3, Laochang, Group));
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await kit.DecisionDaysAsync(Day3, Laochang, Group));

        foreach (var day in new[] { Day1, Day2, Quiet, Day3 })
            Assert.Equal(ExpectedEnterprises(enterprises0), await kit.EnterprisesAsync(day, Jianxing));
    }

    private async Task AddEnterprisesAsync()
    {
        TestEnterprises.Spec In(string? department, int staff) => new(Township: Jianxing, Department: department, StaffCount: staff);
        await api.InsertAsync(In("health", 150) with { UnionStatus = "established", MemberCount = 120 });
        await api.InsertAsync(In("health", 200) with { UnionStatus = "forming" });
        await api.InsertAsync(In("health", 80) with { KeyNpcCppcc = true });
        await api.InsertAsync(In("health", 300) with { UnionStatus = "established", MemberCount = 250, KeyTopPrivate = true, KeyYuxiIndustrial = true });
        await api.InsertAsync(In("health", 50));
        await api.InsertAsync(In(null, 100));
    }

    private static Dictionary<(string, string), EnterpriseFigures> ExpectedEnterprises(Dictionary<(string, string), EnterpriseFigures> baseline)
    {
        var expected = new Dictionary<(string, string), EnterpriseFigures>(baseline);
        void Add(string department, string category, EnterpriseFigures figures) =>
            expected[(department, category)] = figures.Plus(baseline.GetValueOrDefault((department, category)));
        Add("health", "all_100plus", new(Enterprises: 3, WithUnion: 2, Forming: 1, Staff: 650, StaffInUnionised: 450, MembersInUnionised: 370));
        Add("health", "key_npc_cppcc", new(1, 0, 0, 80, 0, 0));
        Add("health", "key_top_private", new(1, 1, 0, 300, 300, 250));
        Add("health", "key_yuxi_industrial", new(1, 1, 0, 300, 300, 250));
        Add("", "all_100plus", new(1, 0, 0, 100, 0, 0));
        return expected;
    }
}
