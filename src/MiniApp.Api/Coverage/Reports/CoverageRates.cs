namespace MiniApp.Api.Coverage.Reports;

/// <summary>The arithmetic of the figures: rates to 4 decimals, the gap to the work plan's 60% target, nearest-rank
/// percentiles.</summary>
public static class CoverageRates
{
    /// <summary>The work plan's target for both 建会率 and 入会率 (新工发〔2019〕14号: 分别达60%以上).</summary>
    public const decimal Target = 0.6m;

    /// <summary>numerator ÷ denominator to 4 decimals (half away from zero); null when the denominator is 0.</summary>
    public static decimal? Rate(long numerator, long denominator) =>
        denominator <= 0 ? null : Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    /// <summary>How far a rate is below the target; negative when ahead, null when there is no rate.</summary>
    public static decimal? GapToTarget(decimal? rate) => rate is { } value ? Target - value : null;

    /// <summary>
    /// The nearest-rank percentile of a histogram (value → how many times it occurs): the smallest value whose
    /// cumulative count reaches ⌈p × N⌉. Null when the histogram is empty.
    /// </summary>
    public static int? Percentile(IReadOnlyDictionary<int, long> histogram, decimal p)
    {
        if (p is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), "p lies in (0, 1].");
        var total = histogram.Values.Where(count => count > 0).Sum();
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (value, count) in histogram.Where(entry => entry.Value > 0).OrderBy(entry => entry.Key))
        {
            seen += count;
            if (seen >= rank) return value;
        }
        return histogram.Keys.Max();
    }

    /// <summary>A rate as people read it: 45.67%, or empty when there is none.</summary>
    public static string Percent(decimal? rate) =>
        rate is { } value ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "";

    /// <summary>A change of rate in percentage points, with its sign: +1.20, -0.50.</summary>
    public static string Points(decimal? change) => change is { } value
        ? (value * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
        : "";
}
