using MiniApp.Api.Coverage;
using MiniApp.Api.IntegrationTests.Notifications;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

/// <summary>
/// Nights the freeze did not run: the day that jumps the gap counts its own changes only, a gap day rebuilt afterwards
/// finds its own, a refresh over an open yesterday does not take yesterday's flows, and a freeze that runs late in the
/// morning keeps yesterday's last enterprise figures rather than the register of this morning.
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class GapDayFacts(ApiFixture api)
{
    private const string Township = "530427205";  // 平掌乡
    private const string Group = "mall_promoter";

    [Fact]
    public async Task DayAcrossAGap_CountsItsOwnFlows_AndAGapDayRebuiltLaterFindsItsOwn()
    {
        await using var kit = new CoverageEngineKit(api);
        var d0 = new DateOnly(2056, 6, 1);
        await kit.FreezeAsync(d0.AddDays(1));
        var baseline = await kit.GroupAsync(d0, Township, Group);
        var (d1, d2) = (d0.AddDays(1), d0.AddDays(2));
        await ApproveOneOnAsync(kit, d1);
        await ApproveOneOnAsync(kit, d2);

        // d1 was never frozen: d2 is computed in full and frozen, as the nightly job does after a long gap.
        kit.SetDay(d2.AddDays(1), 8);
        var across = await kit.ComputeAsync(d2, CoverageMode.Full, freeze: true);
        Assert.Equal((CoverageMode.Full, true), (across.Mode, across.Frozen));
        Assert.Equal(new GroupFigures(ActiveMembers: 2, ApprovedTotal: 2, SubmittedInDay: 1, ApprovedInDay: 1).On(baseline),
            await kit.GroupAsync(d2, Township, Group));

        // The gap day, rebuilt behind the frozen d2, holds its own approval and its stocks.
        await kit.ComputeAsync(d1, CoverageMode.Full, freeze: true);
        Assert.Equal(new GroupFigures(ActiveMembers: 1, ApprovedTotal: 1, SubmittedInDay: 1, ApprovedInDay: 1).On(baseline),
            await kit.GroupAsync(d1, Township, Group));
    }

    [Fact]
    public async Task RefreshOverAnOpenYesterday_TakesTodaysFlowsOnly()
    {
        await using var kit = new CoverageEngineKit(api);
        var d0 = new DateOnly(2056, 7, 1);
        await kit.FreezeAsync(d0.AddDays(1));
        var baseline = await kit.GroupAsync(d0, Township, Group);
        var (d1, d2) = (d0.AddDays(1), d0.AddDays(2));
        await ApproveOneOnAsync(kit, d1);
        await ApproveOneOnAsync(kit, d2);

        var refreshed = await kit.RefreshAsync(d2);
        Assert.Equal(CoverageMode.Full, refreshed!.Mode);
        Assert.Equal(new GroupFigures(ActiveMembers: 2, ApprovedTotal: 2, SubmittedInDay: 1, ApprovedInDay: 1).On(baseline),
            await kit.GroupAsync(d2, Township, Group));
    }

    [Fact]
    public async Task FreezeLateInTheMorning_KeepsYesterdaysLastEnterpriseFigures()
    {
        await using var kit = new CoverageEngineKit(api);
        var d0 = new DateOnly(2056, 8, 1);
        await kit.FreezeAsync(d0.AddDays(1));
        var d1 = d0.AddDays(1);
        await kit.RefreshAsync(d1);
        var lastRefresh = await kit.EnterprisesAsync(d1, Township);

        // This morning an enterprise of the township got its union; the freeze of yesterday runs only at 08:00.
        await api.InsertAsync(new TestEnterprises.Spec(Township: Township, StaffCount: 300, UnionStatus: "established", MemberCount: 250));
        kit.SetDay(d1.AddDays(1), 8);
        var job = await kit.Factory.RunJobAsync<CoverageFreezeJob>(job => job.RunAsync(CancellationToken.None));

        var frozen = Assert.Single(job.Results);
        Assert.Equal((d1, CoverageEnterpriseSource.Kept), (frozen.Day, frozen.Enterprises));
        Assert.Equal(lastRefresh, await kit.EnterprisesAsync(d1, Township));
        // Today's figures do read the register, the new union with them.
        await kit.RefreshAsync(d1.AddDays(1));
        Assert.NotEqual(lastRefresh, await kit.EnterprisesAsync(d1.AddDays(1), Township));
    }

    private static async Task ApproveOneOnAsync(CoverageEngineKit kit, DateOnly day)
    {
        kit.SetDay(day);
        var (_, id) = await kit.SubmitAsync(Township, Group);
        Assert.True((await kit.ApproveAsync(id)).IsSuccessStatusCode);
    }
}
