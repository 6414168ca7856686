namespace MiniApp.Api.Notifications.Reminders;

/// <summary>Working days in China: Monday to Friday, less the configured public holidays, plus the weekend days worked
/// in exchange (调休).</summary>
public sealed class WorkingCalendar(IOptions<NotificationOptions> options)
{
    private readonly HashSet<DateOnly> _holidays = [.. options.Value.Reminders.Holidays];
    private readonly HashSet<DateOnly> _extraWorkingDays = [.. options.Value.Reminders.ExtraWorkingDays];

    public bool IsWorkingDay(DateOnly date) =>
        _extraWorkingDays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date));

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (the start day itself
    /// never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>True when a wait that began on <paramref name="start"/> has lasted longer than
    /// <paramref name="days"/> working days by <paramref name="today"/>.</summary>
    public bool IsLongerThan(DateOnly start, DateOnly today, int days) => today > AddWorkingDays(start, days);
}
