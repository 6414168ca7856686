using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

[Collection(CoverageCollection.Name)]
public sealed class FrozenDayFacts(ApiFixture api)
{
    private const string Township = "530427201";
    private const string Group = "real_estate_agent";
    private static readonly DateOnly Day = new(2041, 5, 2);

    [Fact]
    public async Task FrozenDay_KeepsItsFigures_WhenLaterDataArrivesAndEveryWayOfComputingRunsAgain()
    {
        await using var kit = new CoverageEngineKit(api);
        await kit.FreezeAsync(Day);
        kit.SetDay(Day);
        var (_, approved) = await kit.SubmitAsync(Township, Group);
        Assert.True((await kit.ApproveAsync(approved)).IsSuccessStatusCode);
        var frozenRun = Assert.Single(await kit.FreezeAsync(Day.AddDays(1)));
        Assert.Equal((Day, CoverageMode.Incremental, true), (frozenRun.Day, frozenRun.Mode, frozenRun.Frozen));
        var figures = await kit.WholeDayAsync(Day);
        var state = await kit.DayStateAsync(Day);
        Assert.True(state.Frozen);
        Assert.NotNull(state.FrozenAt);
        Assert.Equal(1, (await kit.GroupAsync(Day, Township, Group)).ApprovedInDay);

        // A late change dated that day, a new enterprise, a survey reaching back: none of it may reach the frozen day.
        kit.SetDay(Day, 23);
        await kit.SubmitAsync(Township, Group);
        await api.InsertAsync(new TestEnterprises.Spec(Township: Township, StaffCount: 500, UnionStatus: "established", MemberCount: 400));
        await kit.AddSurveyAsync(Day.AddDays(-10), Township, Group, workers: 70, units: 5, unitsWithUnion: 2);

        Assert.True((await kit.RefreshAsync(Day))!.AlreadyFrozen);
        Assert.Empty(await kit.FreezeAsync(Day.AddDays(1)));
        Assert.Equal([Day.AddDays(1)], (await kit.FreezeAsync(Day.AddDays(2))).Select(r => r.Day));
        Assert.True((await kit.ComputeAsync(Day, CoverageMode.Full, freeze: false)).AlreadyFrozen);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Rebuild, "--date", "2041-05-02"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.CommandAsync(CoverageCommands.Refresh, "--date", "2041-05-02"));

        Assert.Equal(figures, await kit.WholeDayAsync(Day));
        Assert.Equal(state, await kit.DayStateAsync(Day));
    }

    [Fact]
    public async Task FrozenDay_IsGuardedInTheStatementsThemselves()
    {
        await using var kit = new CoverageEngineKit(api);
        var day = new DateOnly(2041, 8, 1);
        await kit.FreezeAsync(day.AddDays(1));
        var figures = await kit.WholeDayAsync(day);
        Assert.NotEmpty(figures);

        await using var db = await kit.OpenAsync();
        var parameters = new
        {
            Day = day.ToDateTime(TimeOnly.MinValue), Previous = day.AddDays(-1).ToDateTime(TimeOnly.MinValue),
            LastFrozen = day.AddDays(-1).ToDateTime(TimeOnly.MinValue)
        };
        var journalRow = await db.ExecuteScalarAsync<long>("""
            INSERT INTO coverage_deltas (day, township_code, worker_group_code, measure, delta, occurred_at)
            VALUES (@Day, '530427201', 'other', 'submitted', 0, UTC_TIMESTAMP(6));
            SELECT LAST_INSERT_ID();
            """, parameters);
        Assert.Equal(0, await db.ExecuteAsync(GroupFiguresSql.Mark, parameters));
        Assert.Equal(0, await db.ExecuteAsync(CoverageDays.DeleteGroupSql, parameters));
        Assert.Equal(0, await db.ExecuteAsync(EnterpriseFiguresSql.Delete, parameters));
        foreach (var freeze in new[] { true, false })
        {
            Assert.Equal(0, await db.ExecuteAsync(GroupFiguresSql.Full(freeze), parameters));
            Assert.Equal(0, await db.ExecuteAsync(GroupFiguresSql.Incremental(freeze), parameters));
            Assert.Equal(0, await db.ExecuteAsync(GroupFiguresSql.DecisionDays(freeze), parameters));
        }
        Assert.Equal(0, await db.ExecuteAsync(EnterpriseFiguresSql.Insert, parameters));
        Assert.Equal(0, await db.ExecuteAsync(EnterpriseFiguresSql.CarryForward, parameters));
        Assert.Null(await db.ExecuteScalarAsync<DateTime?>("SELECT counted_day FROM coverage_deltas WHERE id = @journalRow", new { journalRow }));

        Assert.Equal(figures, await kit.WholeDayAsync(day));
    }
}
