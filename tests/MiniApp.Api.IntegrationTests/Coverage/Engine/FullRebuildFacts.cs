using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

[Collection(CoverageCollection.Name)]
public sealed class FullRebuildFacts(ApiFixture api)
{
    private const string Township = "530427201";
    private const string Group = "care_worker";

    [Fact]
    public async Task FullRebuild_EqualsTheIncrementalFigures_OfTheSameDay_ThroughTheCommands()
    {
        await using var kit = new CoverageEngineKit(api);
        var day = new DateOnly(2047, 2, 2);
        kit.SetDay(day);
        var baseline = JsonDocument.Parse(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-02-01")).RootElement;
        Assert.Equal(("2047-02-01", "full"), (baseline.GetProperty("day").GetString(), baseline.GetProperty("mode").GetString()));
        Assert.True((await kit.DayStateAsync(new DateOnly(2047, 2, 1))).Frozen);

        var (_, approved) = await kit.SubmitAsync(Township, Group);
        var (_, rejected) = await kit.SubmitAsync(Township, Group);
        var (worker, withdrawn) = await kit.SubmitAsync(Township, Group);
        await kit.SubmitAsync("530427202", Group);
        Assert.True((await kit.ApproveAsync(approved)).IsSuccessStatusCode);
        await kit.RejectAsync(rejected);
        await kit.WithdrawAsync(worker, withdrawn);

        var refreshOutput = await kit.CommandAsync(CoverageCommands.Refresh, "--contentRoot", "/tmp", "--date=2047-02-02");
        var refresh = JsonDocument.Parse(refreshOutput).RootElement;
        Assert.Equal(1, refreshOutput.Count(c => c == '\n'));
        Assert.Equal("incremental", refresh.GetProperty("mode").GetString());
        Assert.Equal(await kit.JournalRowsAsync(day), refresh.GetProperty("deltasRead").GetInt32());
        Assert.Equal((await kit.DayStateAsync(day)).RowsRead, refresh.GetProperty("rowsRead").GetInt32());
        Assert.True(refresh.GetProperty("elapsedMs").GetInt64() >= 0);
        Assert.Equal("register", refresh.GetProperty("enterprises").GetString());
        var incremental = await kit.WholeDayAsync(day);

        // The next day, the day is over and can be rebuilt; it keeps the enterprise figures of its last refresh.
        kit.SetDay(day.AddDays(1));
        var rebuild = JsonDocument.Parse(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-02-02")).RootElement;
        Assert.Equal(("full", "kept"), (rebuild.GetProperty("mode").GetString(), rebuild.GetProperty("enterprises").GetString()));
        Assert.Equal(incremental, await kit.WholeDayAsync(day));
        Assert.Equal(new GroupFigures(ActiveMembers: 1, ApprovedTotal: 1, RejectedTotal: 1, WithdrawnTotal: 1, SubmittedInDay: 3,
            ApprovedInDay: 1, RejectedInDay: 1, WithdrawnInDay: 1).On(await kit.GroupAsync(new DateOnly(2047, 2, 1), Township, Group)),
            await kit.GroupAsync(day, Township, Group));
        var state = await kit.DayStateAsync(day);
        Assert.Equal(("full", true), (state.Mode, state.Frozen));

        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-02-02"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Refresh, "--date", "2047-02-05"));
        await Assert.ThrowsAsync<ArgumentException>(() => kit.CommandAsync(CoverageCommands.Refresh, "--date", "02/03/2047"));
    }

    [Fact]
    public async Task Rebuild_OfTodayOrLater_AndRefresh_OfAFutureDay_AreRefused_AndWriteNothing()
    {
        await using var kit = new CoverageEngineKit(api);
        var today = new DateOnly(2047, 6, 10);
        kit.SetDay(today, 23);

        var notOver = await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-06-10"));
        Assert.Contains("2047-06-10 is not over", notOver.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-06-11"));
        var future = await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Refresh, "--date", "2047-06-11"));
        Assert.Contains("2047-06-11 has not begun", future.Message);

        Assert.False(await kit.HasDayAsync(today));
        Assert.False(await kit.HasDayAsync(today.AddDays(1)));
    }

    [Fact]
    public async Task FullComputation_BeforeTheJournalStarted_IsRefused_AndTheFreezeStartsNoEarlier()
    {
        await using var kit = new CoverageEngineKit(api);
        var before = new DateOnly(2020, 1, 6);
        kit.SetDay(before.AddDays(4));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => kit.ComputeAsync(before, CoverageMode.Full, freeze: false));
        Assert.Contains("The journal started on", refused.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2020-01-06"));
        // Nothing frozen to build on and yesterday before the journal: the nightly freeze has no day to freeze yet.
        Assert.Empty(await kit.FreezeAsync(before.AddDays(4)));

        Assert.False(await kit.HasDayAsync(before));
        Assert.False(await kit.HasDayAsync(before.AddDays(3)));
    }
}
