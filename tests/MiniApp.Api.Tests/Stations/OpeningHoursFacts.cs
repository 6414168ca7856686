using MiniApp.Api.Stations;

namespace MiniApp.Api.Tests.Stations;

public sealed class OpeningHoursFacts
{
    // Minute of the week from Monday 00:00, China time.
    private static int At(int isoDay, int hour, int minute = 0) => (isoDay - 1) * 1440 + hour * 60 + minute;

    private static WeeklySchedule Schedule(params OpeningHours.Period[] periods) => new OpeningHours(false, periods, null).ToSchedule();

    [Theory]
    [InlineData(5, 20, 0, true)]   // Friday evening, as it opens
    [InlineData(5, 23, 59, true)]
    [InlineData(6, 0, 0, true)]    // past midnight into Saturday
    [InlineData(6, 5, 59, true)]
    [InlineData(6, 6, 0, false)]   // closes at 06:00
    [InlineData(5, 19, 59, false)]
    [InlineData(5, 5, 0, false)]   // Friday early morning belongs to Thursday's night, which is not scheduled
    public void PeriodPastMidnight_RunsIntoTheNextDay(int day, int hour, int minute, bool open)
    {
        var schedule = Schedule(new OpeningHours.Period([5], "20:00", "06:00"));

        Assert.Equal(open, schedule.IsOpenAt(At(day, hour, minute)));
    }

    [Fact]
    public void SundayNightPeriod_WrapsIntoMondayMorning()
    {
        var schedule = Schedule(new OpeningHours.Period([7], "22:00", "02:00"));

        Assert.True(schedule.IsOpenAt(At(7, 23)));
        Assert.True(schedule.IsOpenAt(At(1, 1, 30)));
        Assert.False(schedule.IsOpenAt(At(1, 2)));
        Assert.False(schedule.IsOpenAt(At(7, 21, 59)));
    }

    [Fact]
    public void AllDay_IsOpenAtEveryMinute_AndUnknownHoursNever()
    {
        var allDay = new OpeningHours(true, [], "scan_qr").ToSchedule();
        var unknown = OpeningHours.Unknown.ToSchedule();

        for (var minute = 0; minute < WeeklySchedule.MinutesPerWeek; minute += 7)
        {
            Assert.True(allDay.IsOpenAt(minute));
            Assert.False(unknown.IsOpenAt(minute));
        }
    }

    [Fact]
    public void CloseAt2400_EndsAtMidnight()
    {
        var schedule = Schedule(new OpeningHours.Period([1, 2, 3, 4, 5], "08:00", "24:00"));

        Assert.True(schedule.IsOpenAt(At(3, 23, 59)));
        Assert.False(schedule.IsOpenAt(At(4, 7, 0)));
        Assert.False(schedule.IsOpenAt(At(6, 0, 30)));
    }

    [Fact]
    public void MinuteOfWeek_IsChinaTime()
    {
        // Sunday 16:30 UTC is Monday 00:30 in Asia/Shanghai.
        var minute = WeeklySchedule.MinuteOfWeek(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(At(1, 0, 30), minute);
    }

    [Fact]
    public void Json_RoundTrips_AndUnreadableJsonIsUnknown()
    {
        var hours = new OpeningHours(false, [new OpeningHours.Period([1, 2], "08:00", "18:00")], "attendant");

        var read = OpeningHours.FromJson(hours.ToJson());

        Assert.Equal(hours.ToJson(), read.ToJson());
        Assert.Contains("\"afterHoursAccess\":\"attendant\"", hours.ToJson());
        Assert.False(OpeningHours.FromJson("{not json").ToSchedule().IsOpenAt(At(1, 12)));
        Assert.True(OpeningHours.FromJson("""{"allDay":true,"afterHoursAccess":"scan_qr"}""").ToSchedule().AllDay);
    }

    [Theory]
    [InlineData(new[] { 0 }, "08:00", "18:00")]
    [InlineData(new[] { 8 }, "08:00", "18:00")]
    [InlineData(new[] { 1, 1 }, "08:00", "18:00")]
    [InlineData(new int[0], "08:00", "18:00")]
    [InlineData(new[] { 1 }, "8:00", "18:00")]
    [InlineData(new[] { 1 }, "08:00", "24:01")]
    [InlineData(new[] { 1 }, "24:00", "08:00")]
    [InlineData(new[] { 1 }, "08:00", "08:00")]
    public void Validate_RefusesBadPeriods(int[] days, string open, string close)
    {
        var errors = new List<string>();

        var result = OpeningHours.Validate(new OpeningHours(false, [new OpeningHours.Period(days, open, close)], null), (_, m) => errors.Add(m));

        Assert.Null(result);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_RefusesAllDayWithPeriods_AndAnUnknownAccessMethod()
    {
        var errors = new List<string>();

        Assert.Null(OpeningHours.Validate(new OpeningHours(true, [new OpeningHours.Period([1], "08:00", "18:00")], null), (_, m) => errors.Add(m)));
        Assert.Null(OpeningHours.Validate(new OpeningHours(true, [], "teleport"), (_, m) => errors.Add(m)));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validate_SortsDays_AndAcceptsNullAsUnknown()
    {
        var valid = OpeningHours.Validate(new OpeningHours(false, [new OpeningHours.Period([5, 1, 3], "20:00", "06:00")], "face"), (_, _) => Assert.Fail());

        Assert.Equal([1, 3, 5], valid!.Weekly![0].Days);
        Assert.Same(OpeningHours.Unknown, OpeningHours.Validate(null, (_, _) => Assert.Fail()));
    }
}
