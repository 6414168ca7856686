using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Tests.Reports;

public sealed class CoverageRatesFacts
{
    [Theory]
    [InlineData(160, 300, "0.5333")]
    [InlineData(130, 350, "0.3714")]
    [InlineData(2, 3, "0.6667")]
    [InlineData(1, 8, "0.125")]
    [InlineData(1, 20000, "0.0001")]   // 0.00005 rounds half away from zero
    [InlineData(120, 100, "1.2")]      // more members than surveyed workers is shown as it is
    public void Rate_RoundsToFourDecimals(long numerator, long denominator, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CoverageRates.Rate(numerator, denominator));

    [Fact]
    public void Rate_IsNull_WhenTheDenominatorIsZero() => Assert.Null(CoverageRates.Rate(5, 0));

    [Fact]
    public void GapToTarget_IsSixtyPercentLessTheRate_NegativeWhenAhead_NullWithoutRate()
    {
        Assert.Equal(0.0667m, CoverageRates.GapToTarget(0.5333m));
        Assert.Equal(-0.1m, CoverageRates.GapToTarget(0.7m));
        Assert.Equal(0m, CoverageRates.GapToTarget(0.6m));
        Assert.Null(CoverageRates.GapToTarget(null));
    }

    [Fact]
    public void Percentile_IsNearestRank_OverAHistogram()
    {
        // 0 ×3, 1 ×2, 2 ×3, 3, 4 ×2, 5, 10: thirteen decisions.
        var histogram = new Dictionary<int, long> { [10] = 1, [0] = 3, [1] = 2, [2] = 3, [3] = 1, [4] = 2, [5] = 1 };
        Assert.Equal(2, CoverageRates.Percentile(histogram, 0.5m));   // rank ⌈6.5⌉ = 7
        Assert.Equal(5, CoverageRates.Percentile(histogram, 0.9m));   // rank ⌈11.7⌉ = 12
        Assert.Equal(10, CoverageRates.Percentile(histogram, 1m));
    }

    [Fact]
    public void Percentile_OfOneDecision_IsThatDecision_AndOfNoneIsNull()
    {
        Assert.Equal(7, CoverageRates.Percentile(new Dictionary<int, long> { [7] = 1 }, 0.5m));
        Assert.Equal(7, CoverageRates.Percentile(new Dictionary<int, long> { [7] = 1 }, 0.9m));
        Assert.Null(CoverageRates.Percentile(new Dictionary<int, long>(), 0.5m));
        Assert.Null(CoverageRates.Percentile(new Dictionary<int, long> { [3] = 0 }, 0.5m));
    }

    [Fact]
    public void Percentile_OfAnEvenCount_TakesTheLowerMiddle()
    {
        // 1, 2, 3, 4: nearest rank ⌈2⌉ = 2 → 2 (no interpolation).
        Assert.Equal(2, CoverageRates.Percentile(new Dictionary<int, long> { [1] = 1, [2] = 1, [3] = 1, [4] = 1 }, 0.5m));
    }

    [Fact]
    public void Percent_AndPoints_AreWhatTheSpreadsheetShows()
    {
        Assert.Equal("45.38%", CoverageRates.Percent(0.4538m));
        Assert.Equal("", CoverageRates.Percent(null));
        Assert.Equal("+5.43", CoverageRates.Points(0.0543m));
        Assert.Equal("-0.50", CoverageRates.Points(-0.005m));
    }

    [Theory]
    [InlineData("2034-04-10", "2034-04-09")]   // Monday: yesterday
    [InlineData("2034-04-09", "2034-04-02")]   // Sunday: the week is not over
    [InlineData("2034-04-15", "2034-04-09")]   // Saturday
    public void LastSunday_IsTheEndOfTheLastFullWeek(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ReportDates.LastSunday(DateOnly.Parse(today)));
}
