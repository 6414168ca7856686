using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

/// <summary>
/// Journal rows dated a day that was frozen before they committed (a transaction open across the freeze, a node with a
/// slow clock): the next day takes them in, stocks and flows, and a full computation of that day agrees.
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class LateJournalFacts(ApiFixture api)
{
    private const string Township = "530427204";
    private const string Group = "private_medical";

    [Fact]
    public async Task LateRows_OfAFrozenDay_AreTakenInByTheNextDay_AndTheRefreshEqualsAFullRebuild()
    {
        await using var kit = new CoverageEngineKit(api);
        var day = new DateOnly(2053, 4, 10);
        await kit.FreezeAsync(day);
        kit.SetDay(day);
        var (_, first) = await kit.SubmitAsync(Township, Group);
        Assert.True((await kit.ApproveAsync(first)).IsSuccessStatusCode);
        Assert.Equal([day], (await kit.FreezeAsync(day.AddDays(1))).Select(r => r.Day));
        var frozen = await kit.WholeDayAsync(day);
        var before = await kit.GroupAsync(day, Township, Group);

        // After the freeze, a request on a clock still on that day: submitted and approved, four rows dated the frozen day.
        kit.SetDay(day, 23);
        var (_, late) = await kit.SubmitAsync(Township, Group);
        Assert.True((await kit.ApproveAsync(late)).IsSuccessStatusCode);
        Assert.Equal(new Dictionary<DateOnly, int> { [day] = 4, [DateOnly.MinValue] = 4 }, await kit.CountedDaysAsync(day, Township, Group));

        var refreshed = await kit.RefreshAsync(day.AddDays(1));
        Assert.Equal((CoverageMode.Incremental, 4), (refreshed!.Mode, refreshed.DeltasRead));
        var expected = new GroupFigures(ActiveMembers: 1, ApprovedTotal: 1, SubmittedInDay: 1, ApprovedInDay: 1).On(before);
        Assert.Equal(expected, await kit.GroupAsync(day.AddDays(1), Township, Group));
        Assert.Equal(new Dictionary<int, int> { [0] = 1 }, await kit.DecisionDaysAsync(day.AddDays(1), Township, Group));
        var incremental = await kit.WholeDayAsync(day.AddDays(1));

        // The day after, the next day rebuilt in full and frozen: the same figures, and the late rows marked as taken in by it.
        kit.SetDay(day.AddDays(2));
        var rebuilt = JsonLine(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2053-04-11"));
        Assert.Equal(("full", "kept"), rebuilt);
        Assert.Equal(incremental, await kit.WholeDayAsync(day.AddDays(1)));
        Assert.Equal(new Dictionary<DateOnly, int> { [day] = 4, [day.AddDays(1)] = 4 }, await kit.CountedDaysAsync(day, Township, Group));
        Assert.Equal(frozen, await kit.WholeDayAsync(day));

        // Later days count them once: the day after carries them on, with no flows of its own.
        var next = await kit.RefreshAsync(day.AddDays(2));
        Assert.Equal(CoverageMode.Incremental, next!.Mode);
        Assert.Equal(expected with { SubmittedInDay = 0, ApprovedInDay = 0 }, await kit.GroupAsync(day.AddDays(2), Township, Group));
    }

    [Fact]
    public async Task LateRow_IsTakenInByTheNightlyFreeze_AndTheNextDayInFullEqualsItIncrementally()
    {
        await using var kit = new CoverageEngineKit(api);
        var day = new DateOnly(2053, 9, 20);
        await kit.FreezeAsync(day.AddDays(1));
        var before = await kit.GroupAsync(day, Township, Group);

        // A submission on a node whose clock is still on the frozen day.
        kit.SetDay(day, 23);
        await kit.SubmitAsync(Township, Group);
        Assert.Equal(new Dictionary<DateOnly, int> { [DateOnly.MinValue] = 1 }, await kit.CountedDaysAsync(day, Township, Group));
        var frozen = Assert.Single(await kit.FreezeAsync(day.AddDays(2)));
        Assert.Equal((day.AddDays(1), CoverageMode.Incremental, 1), (frozen.Day, frozen.Mode, frozen.DeltasRead));
        var expected = new GroupFigures(OpenApplications: 1, SubmittedInDay: 1).On(before);
        Assert.Equal(expected, await kit.GroupAsync(day.AddDays(1), Township, Group));

        // The next day computed in full (as after a missed freeze) and incrementally: the same, with the late row in its stocks.
        var next = day.AddDays(2);
        kit.SetDay(next, 23);
        Assert.Equal(CoverageMode.Full, (await kit.ComputeAsync(next, CoverageMode.Full, freeze: false)).Mode);
        var full = await kit.WholeDayAsync(next);
        Assert.Equal(CoverageMode.Incremental, (await kit.ComputeAsync(next, CoverageMode.Incremental, freeze: false)).Mode);
        Assert.Equal(full, await kit.WholeDayAsync(next));
        Assert.Equal(expected with { SubmittedInDay = 0 }, await kit.GroupAsync(next, Township, Group));
    }

    private static (string? Mode, string? Enterprises) JsonLine(string output)
    {
        var line = System.Text.Json.JsonDocument.Parse(output).RootElement;
        return (line.GetProperty("mode").GetString(), line.GetProperty("enterprises").GetString());
    }
}
