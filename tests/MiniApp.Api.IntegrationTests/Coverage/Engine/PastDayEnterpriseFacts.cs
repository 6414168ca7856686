using MiniApp.Api.Coverage;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

/// <summary>
/// The register keeps no history: a day older than yesterday keeps the enterprise figures of its last refresh, or carries
/// the previous day's forward, whether the nightly freeze catches it up or coverage-rebuild computes it.
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class PastDayEnterpriseFacts(ApiFixture api)
{
    private const string Township = "530427205";
    private static readonly DateOnly Start = new(2055, 6, 1);

    private Task AddEnterpriseAsync() =>
        api.InsertAsync(new TestEnterprises.Spec(Township: Township, Department: null, StaffCount: 420, UnionStatus: "established", MemberCount: 300));

    [Fact]
    public async Task CatchUp_KeepsTheLastRefresh_CarriesForward_AndReadsTheRegisterForYesterdayOnly()
    {
        await using var kit = new CoverageEngineKit(api);
        await kit.FreezeAsync(Start.AddDays(1));
        await kit.RefreshAsync(Start.AddDays(1));
        var refreshed = await kit.EnterpriseRowsAsync(Start.AddDays(1));
        var byRegister = await kit.EnterprisesAsync(Start.AddDays(1), Township);

        // The register changes after the day's last refresh; the freeze misses two nights and catches up three days.
        await AddEnterpriseAsync();
        var caughtUp = await kit.FreezeAsync(Start.AddDays(4));

        Assert.Equal([Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], caughtUp.Select(r => r.Day));
        Assert.Equal([CoverageEnterpriseSource.Kept, CoverageEnterpriseSource.Carried, CoverageEnterpriseSource.Register],
            caughtUp.Select(r => r.Enterprises));
        Assert.Equal(refreshed, await kit.EnterpriseRowsAsync(Start.AddDays(1)));
        Assert.Equal(refreshed, await kit.EnterpriseRowsAsync(Start.AddDays(2)));
        Assert.Equal(Big(byRegister) + 1, Big(await kit.EnterprisesAsync(Start.AddDays(3), Township)));
    }

    [Fact]
    public async Task Rebuild_OfAPastDay_KeepsOrCarriesTheEnterpriseFigures_AndReadsTheRegisterOnlyWhenThereAreNone()
    {
        await using var kit = new CoverageEngineKit(api);
        var day = Start.AddDays(40);
        await kit.FreezeAsync(day);
        var previous = await kit.EnterprisesAsync(day.AddDays(-1), Township);
        await AddEnterpriseAsync();

        kit.SetDay(day.AddDays(10));
        Assert.Equal(("full", "carried"), Line(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", Text(day))));
        Assert.Equal(previous, await kit.EnterprisesAsync(day, Township));

        // A refresh of an older day carries too; the rebuild of that day then keeps what the refresh wrote.
        Assert.Equal(("incremental", "carried"), Line(await kit.CommandAsync(CoverageCommands.Refresh, "--date", Text(day.AddDays(1)))));
        Assert.Equal(("full", "kept"), Line(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", Text(day.AddDays(1)))));
        Assert.Equal(previous, await kit.EnterprisesAsync(day.AddDays(1), Township));

        // Neither the day nor the day before has enterprise figures: the register as it stands, and the output says so.
        Assert.Equal(("full", "register"), Line(await kit.CommandAsync(CoverageCommands.Rebuild, "--date", Text(day.AddDays(5)))));
        Assert.Equal(Big(previous) + 1, Big(await kit.EnterprisesAsync(day.AddDays(5), Township)));
    }

    /// <summary>The township's 100+ enterprises with no responsible department.</summary>
    private static int Big(Dictionary<(string Department, string Category), EnterpriseFigures> figures) =>
        figures.GetValueOrDefault(("", "all_100plus"))?.Enterprises ?? 0;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static (string? Mode, string? Enterprises) Line(string output)
    {
        var line = JsonDocument.Parse(output).RootElement;
        return (line.GetProperty("mode").GetString(), line.GetProperty("enterprises").GetString());
    }
}
