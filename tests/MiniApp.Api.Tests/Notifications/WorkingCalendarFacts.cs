using MiniApp.Api.Notifications;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Tests.Notifications;

public sealed class WorkingCalendarFacts
{
    private static WorkingCalendar Calendar(DateOnly[]? holidays = null, DateOnly[]? extra = null) =>
        new(Options.Create(new NotificationOptions { Reminders = { Holidays = holidays ?? [], ExtraWorkingDays = extra ?? [] } }));

    [Fact]
    public void AddWorkingDays_SkipsTheWeekend()
    {
        // Friday 2026-11-27 + 3 working days = Wednesday 2026-12-02.
        Assert.Equal(new DateOnly(2026, 12, 2), Calendar().AddWorkingDays(new DateOnly(2026, 11, 27), 3));
    }

    [Fact]
    public void AddWorkingDays_SkipsHolidays_AndCountsMakeUpWorkingDays()
    {
        // National Day 2026: 10-01..10-07 off; Saturday 10-10 worked.
        var calendar = Calendar(
            [new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7)],
            [new(2026, 10, 10)]);

        Assert.Equal(new DateOnly(2026, 10, 9), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void IsLongerThan_IsTrueOnlyAfterTheLastCountedDay()
    {
        var calendar = Calendar();
        var monday = new DateOnly(2026, 11, 23);

        Assert.False(calendar.IsLongerThan(monday, new DateOnly(2026, 11, 26), 3)); // Thursday: exactly 3 working days
        Assert.True(calendar.IsLongerThan(monday, new DateOnly(2026, 11, 27), 3));  // Friday: longer than 3
        Assert.False(calendar.IsLongerThan(monday, new DateOnly(2026, 12, 7), 10)); // Monday 12-07 is the 10th
        Assert.True(calendar.IsLongerThan(monday, new DateOnly(2026, 12, 8), 10));
    }
}
