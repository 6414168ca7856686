using MiniApp.Api.Coverage;

namespace MiniApp.Api.Tests.Coverage;

public sealed class CoverageScheduleFacts
{
    private static readonly DateOnly Yesterday = new(2026, 12, 10);

    [Fact]
    public void DaysToFreeze_IsYesterdayAlone_WhenTheDayBeforeIsFrozen()
    {
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-1), Yesterday));
    }

    [Fact]
    public void DaysToFreeze_CatchesUpMissedNights_OneDayAfterAnother()
    {
        Assert.Equal([Yesterday.AddDays(-2), Yesterday.AddDays(-1), Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-3), Yesterday));
    }

    [Fact]
    public void DaysToFreeze_IsNothing_WhenYesterdayIsFrozen()
    {
        Assert.Empty(CoverageFreezeJob.DaysToFreeze(Yesterday, Yesterday));
    }

    [Fact]
    public void DaysToFreeze_IsYesterdayAlone_WhenNothingIsFrozenOrOnlyLongAgo()
    {
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(null, Yesterday));
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-CoverageFreezeJob.CatchUpDays - 1), Yesterday));
        Assert.Equal(CoverageFreezeJob.CatchUpDays, CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-CoverageFreezeJob.CatchUpDays), Yesterday).Count);
    }
}
