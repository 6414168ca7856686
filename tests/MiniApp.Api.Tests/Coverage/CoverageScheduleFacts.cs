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

    [Theory]
    [InlineData("2026-11-29T16:01:00Z", true)]   // 00:01 China time: the nightly freeze
    [InlineData("2026-11-29T16:59:00Z", true)]
    [InlineData("2026-11-29T17:00:00Z", false)]  // 01:00: the register holds today's changes by now
    [InlineData("2026-11-30T00:00:00Z", false)]  // 08:00: a late run keeps yesterday's last hourly figures
    public void RegisterStandsForYesterday_OnlyInTheFirstHourOfTheDay(string utc, bool expected)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, CoverageFreezeJob.RegisterIsYesterdays(clock));
    }
}
