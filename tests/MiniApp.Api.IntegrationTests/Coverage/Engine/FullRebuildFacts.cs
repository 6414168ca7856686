using System.Text.Json;
using MiniApp.Api.Coverage;
using MiniApp.Api.IntegrationTests.Infrastructure;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

[Collection(ApiCollection.Name)]
public sealed class FullRebuildFacts(ApiFixture api)
{
    private const string Township = "530427201";
    private const string Group = "care_worker";

    [Fact]
    public async Task FullRebuild_EqualsTheIncrementalFigures_OfTheSameDay_ThroughTheCommands()
    {
        await using var kit = new CoverageEngineKit(api);
        var baseline = JsonDocument.Parse(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-02-01")).RootElement;
        Assert.Equal(("2047-02-01", "full"), (baseline.GetProperty("day").GetString(), baseline.GetProperty("mode").GetString()));
        Assert.True((await kit.DayStateAsync(new DateOnly(2047, 2, 1))).Frozen);

        var day = new DateOnly(2047, 2, 2);
        kit.SetDay(day);
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
        var incremental = await kit.WholeDayAsync(day);

        var rebuild = JsonDocument.Parse(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2047-02-02")).RootElement;
        Assert.Equal("full", rebuild.GetProperty("mode").GetString());
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
}
