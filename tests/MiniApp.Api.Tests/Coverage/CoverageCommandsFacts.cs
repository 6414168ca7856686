using System.Text.Json;
using MiniApp.Api.Coverage;

namespace MiniApp.Api.Tests.Coverage;

public sealed class CoverageCommandsFacts
{
    [Theory]
    [InlineData("--date", "2026-12-01")]
    [InlineData("--date=2026-12-01")]
    [InlineData("--contentRoot", "/srv/app", "--date", "2026-12-01")]
    [InlineData("--date", " 2026-12-01 ", "--urls", "http://localhost:5000")]
    public void DateOption_IsFoundAmongTheOtherOptions(params string[] options)
    {
        Assert.Equal(new DateOnly(2026, 12, 1), CoverageCommands.DateOption(options));
    }

    [Theory]
    [InlineData]
    [InlineData("--date")]
    [InlineData("--date", "2026-13-01")]
    [InlineData("--date", "01/12/2026")]
    [InlineData("--date=")]
    public void DateOption_IsRefused_WhenMissingOrNotADate(params string[] options)
    {
        Assert.Throws<ArgumentException>(() => CoverageCommands.DateOption(options));
    }

    [Fact]
    public void Line_IsOneJsonObjectWithTheAgreedNames()
    {
        var line = CoverageCommands.Line(new CoverageDayResult(new DateOnly(2026, 12, 1), CoverageMode.Incremental, 12, 345, 7, false,
            TimeSpan.FromMilliseconds(41.6)));

        Assert.DoesNotContain('\n', line);
        Assert.Equal("""{"day":"2026-12-01","mode":"incremental","deltasRead":12,"rowsRead":345,"elapsedMs":42,"enterprises":"register"}""", line);
        Assert.Equal("full", JsonDocument.Parse(CoverageCommands.Line(new CoverageDayResult(new DateOnly(2026, 12, 1), CoverageMode.Full,
            0, 0, 0, true, TimeSpan.Zero))).RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public void Line_SaysWhereTheEnterpriseFiguresCameFrom()
    {
        var line = CoverageCommands.Line(new CoverageDayResult(new DateOnly(2026, 12, 1), CoverageMode.Full, 0, 0, 0, true, TimeSpan.Zero,
            Enterprises: CoverageEnterpriseSource.Carried));

        Assert.Equal("carried", JsonDocument.Parse(line).RootElement.GetProperty("enterprises").GetString());
    }

    [Theory]
    [InlineData(CoverageCommands.Rebuild, "2026-12-10")]
    [InlineData(CoverageCommands.Rebuild, "2026-12-11")]
    [InlineData(CoverageCommands.Refresh, "2026-12-11")]
    public void Refuse_ARebuildOfADayNotOver_AndARefreshOfADayNotBegun(string command, string day)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            CoverageCommands.Refuse(command == CoverageCommands.Rebuild, DateOnly.Parse(day), new DateOnly(2026, 12, 10)));
        Assert.Contains("today is 2026-12-10, China time", refused.Message);
    }

    [Theory]
    [InlineData(CoverageCommands.Rebuild, "2026-12-09")]
    [InlineData(CoverageCommands.Refresh, "2026-12-10")]
    [InlineData(CoverageCommands.Refresh, "2026-12-01")]
    public void Refuse_NothingElse(string command, string day)
    {
        CoverageCommands.Refuse(command == CoverageCommands.Rebuild, DateOnly.Parse(day), new DateOnly(2026, 12, 10));
    }
}
