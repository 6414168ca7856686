using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

[Collection(CoverageCollection.Name)]
public sealed class RefreshReadsFacts(ApiFixture api)
{
    private const string Township = "530427201";
    private const string Group = "private_education";
    private static readonly DateOnly Today = new(2043, 7, 2);

    [Fact]
    public async Task HourlyRefresh_ReadsTheDaysJournalOnly_NotOlderHistory()
    {
        await using var kit = new CoverageEngineKit(api);
        await kit.FreezeAsync(Today);
        kit.SetDay(Today);
        var (_, first) = await kit.SubmitAsync(Township, Group);
        await kit.SubmitAsync(Township, Group);
        Assert.True((await kit.ApproveAsync(first)).IsSuccessStatusCode);

        var before = await kit.RefreshAsync(Today);
        Assert.NotNull(before);
        Assert.Equal(CoverageMode.Incremental, before.Mode);
        Assert.Equal(5, await kit.JournalRowsAsync(Today));
        Assert.Equal(5, before.DeltasRead);
        var state = await kit.DayStateAsync(Today);
        Assert.Equal(("incremental", 5, before.RowsRead, false), (state.Mode, state.DeltasRead, state.RowsRead, state.Frozen));
        var figures = await kit.WholeDayAsync(Today);

        // A long history before the frozen day: 400 journal rows, each taken in by its own day's figures (netting to nothing,
        // so no other day's figures move).
        await using (var db = await kit.OpenAsync())
        {
            await db.ExecuteAsync("""
                INSERT INTO coverage_deltas (day, counted_day, township_code, worker_group_code, measure, delta, occurred_at)
                VALUES (@Day, @Day, '530427201', 'other', 'submitted', @Delta, @At)
                """, Enumerable.Range(0, 400).Select(i => new
            {
                Day = Today.AddDays(-3 - i % 20).ToDateTime(TimeOnly.MinValue), Delta = i % 2 == 0 ? 1 : -1, At = DateTime.UtcNow,
            }));
        }
        var after = await kit.RefreshAsync(Today);

        Assert.Equal(before.DeltasRead, after!.DeltasRead);
        Assert.Equal(before.RowsRead, after.RowsRead);
        Assert.Equal(figures, await kit.WholeDayAsync(Today));
        Assert.Equal(1, (await kit.GroupAsync(Today, Township, Group)).ApprovedInDay);
    }

    [Fact]
    public async Task FirstRefreshAfterMidnight_BuildsOnTheFreeze_ThatRunsBeforeIt()
    {
        await using var kit = new CoverageEngineKit(api);
        var today = new DateOnly(2043, 9, 12);
        await kit.FreezeAsync(today.AddDays(-1));
        Assert.Equal([today.AddDays(-1)], (await kit.FreezeAsync(today)).Select(r => r.Day));  // 00:01

        var result = await kit.RefreshAsync(today, chinaHour: 0, minute: 5);

        Assert.Equal((today, CoverageMode.Incremental, false), (result!.Day, result.Mode, result.Frozen));
    }

    [Fact]
    public async Task Refresh_BeforeYesterdayIsFrozen_ComputesTodayInFull_AndLeavesItOpen()
    {
        await using var kit = new CoverageEngineKit(api);
        var today = new DateOnly(2043, 11, 20);
        var result = await kit.RefreshAsync(today);

        Assert.Equal(CoverageMode.Full, result!.Mode);
        Assert.False(result.Frozen);
        var state = await kit.DayStateAsync(today);
        Assert.Equal(("full", false, (DateTime?)null), (state.Mode, state.Frozen, state.FrozenAt));
    }
}
