using MiniApp.Api.Coverage;
using MiniApp.Api.Infrastructure.Hangfire;

namespace MiniApp.Api.Tests.Coverage;

public sealed class CoverageScheduleFacts
{
    private static readonly DateOnly Yesterday = new(2026, 12, 10);
    private static readonly DateOnly JournalStart = new(2026, 1, 1);

    [Fact]
    public void DaysToFreeze_IsYesterdayAlone_WhenTheDayBeforeIsFrozen()
    {
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-1), Yesterday, JournalStart));
    }

    [Fact]
    public void DaysToFreeze_CatchesUpMissedNights_OneDayAfterAnother()
    {
        Assert.Equal([Yesterday.AddDays(-2), Yesterday.AddDays(-1), Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-3), Yesterday, JournalStart));
    }

    [Fact]
    public void DaysToFreeze_IsNothing_WhenYesterdayIsFrozen()
    {
        Assert.Empty(CoverageFreezeJob.DaysToFreeze(Yesterday, Yesterday, JournalStart));
    }

    [Fact]
    public void DaysToFreeze_IsYesterdayAlone_WhenNothingIsFrozenOrOnlyLongAgo()
    {
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(null, Yesterday, JournalStart));
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-CoverageFreezeJob.CatchUpDays - 1), Yesterday, JournalStart));
        Assert.Equal(CoverageFreezeJob.CatchUpDays, CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-CoverageFreezeJob.CatchUpDays), Yesterday, JournalStart).Count);
    }

    [Fact]
    public void DaysToFreeze_StartsNoEarlierThanTheJournal_WhenNothingIsFrozenToBuildOn()
    {
        Assert.Empty(CoverageFreezeJob.DaysToFreeze(null, Yesterday, Yesterday.AddDays(1)));
        Assert.Equal([Yesterday], CoverageFreezeJob.DaysToFreeze(null, Yesterday, Yesterday));
        // Building on a frozen day is incremental, so the journal's start does not hold it back.
        Assert.Equal([Yesterday.AddDays(-1), Yesterday], CoverageFreezeJob.DaysToFreeze(Yesterday.AddDays(-2), Yesterday, Yesterday.AddDays(1)));
    }

    [Fact]
    public void Freeze_RunsJustAfterMidnight_BeforeTheFirstHourlyRefreshOfTheDay()
    {
        var freeze = RecurringJobs.CoverageFreezeCron.Split(' ');
        var refresh = RecurringJobs.CoverageRefreshCron.Split(' ');

        Assert.Equal(["0", "*", "*", "*"], freeze[1..]);
        Assert.Equal(["*", "*", "*", "*"], refresh[1..]);
        Assert.True(int.Parse(freeze[0]) < int.Parse(refresh[0]));
    }
}
