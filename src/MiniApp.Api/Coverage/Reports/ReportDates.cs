namespace MiniApp.Api.Coverage.Reports;

/// <summary>Report dates as the query string spells them (YYYY-MM-DD, China dates), and the weeks of the bulletin.
/// </summary>
public static class ReportDates
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Adds "field: message" when the text is present but not a date; null when absent or bad.</summary>
    public static DateOnly? Optional(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!TryParse(text, out var date)) errors[field] = [$"日期格式应为 YYYY-MM-DD，如 2026-03-31"];
        else if (!DateRange.Contains(date)) errors[field] = [DateRange.Message];
        else return date;
        return null;
    }

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The Sunday that ended the last full week: yesterday on a Monday, a week ago on a Sunday.</summary>
    public static DateOnly LastSunday(DateOnly today) =>
        today.AddDays(today.DayOfWeek == DayOfWeek.Sunday ? -7 : -(int)today.DayOfWeek);

    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
