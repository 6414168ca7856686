namespace MiniApp.Api.Infrastructure.Validation;

/// <summary>
/// The dates any request may name, in a query or a body: far beyond what the campaign needs on both sides, and far
/// enough inside DateOnly's own range that adding a day, a month or a time zone offset can never overflow.
/// </summary>
public static class DateRange
{
    public static readonly DateOnly Earliest = new(1949, 10, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public const string Message = "日期须在 1949-10-01 至 2099-12-31 之间";

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Adds the message under <paramref name="field"/> when the date is present and out of range.</summary>
    public static void Check(DateOnly? date, string field, IDictionary<string, string[]> errors)
    {
        if (date is { } value && !Contains(value)) errors[field] = [Message];
    }
}
