namespace MiniApp.Api.Stations;

/// <summary>
/// When a station is open: around the clock (allDay), or weekly periods in China time. Days are ISO (1 = Monday … 7 =
/// Sunday); a period whose close is not after its open runs past midnight into the next day (周五 20:00–06:00 ends on
/// Saturday morning). afterHoursAccess says how one gets in while nobody is on duty (扫码, 刷脸, 人工). No allDay and no
/// periods means the hours are not known, and the station never counts as open now.
/// </summary>
public sealed record OpeningHours(bool AllDay, IReadOnlyList<OpeningHours.Period>? Weekly, string? AfterHoursAccess)
{
    public sealed record Period(IReadOnlyList<int>? Days, string? Open, string? Close);

    public const int MaxPeriods = 14;
    public static readonly OpeningHours Unknown = new(false, [], null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Reads the stored JSON; anything unreadable counts as unknown hours rather than failing a read path.
    /// </summary>
    public static OpeningHours FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Unknown;
        try
        {
            var hours = JsonSerializer.Deserialize<OpeningHours>(json, Json) ?? Unknown;
            return hours with { Weekly = hours.Weekly ?? [] };
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }

    /// <summary>
    /// Adds a Chinese message per problem under "openingHours"; answers the normalised hours when there is none.
    /// </summary>
    public static OpeningHours? Validate(OpeningHours? hours, Action<string, string> error,
        string field = "openingHours")
    {
        if (hours is null) return Unknown;
        var failed = false;
        void Fail(string message) { error(field, message); failed = true; }

        if (hours.AfterHoursAccess is { } access && !StationCatalog.AccessMethods.IsKnown(access))
            Fail("非开放时间进入方式只能是扫码(scan_qr)、刷脸(face)或人工(attendant)");
        var periods = hours.Weekly ?? [];
        if (hours.AllDay && periods.Count > 0) Fail("24小时开放的站点无需填写每周开放时段");
        if (periods.Count > MaxPeriods) Fail($"每周开放时段最多{MaxPeriods}段");
        var normalised = new List<Period>();
        foreach (var period in periods.Take(MaxPeriods))
        {
            var days = period.Days ?? [];
            if (days.Count == 0 || days.Any(d => d is < 1 or > 7) || days.Distinct().Count() != days.Count)
            {
                Fail("开放日期填写1至7（1为周一，7为周日），不能重复");
                continue;
            }
            if (!TryParseTime(period.Open, allowEndOfDay: false, out var open)
                || !TryParseTime(period.Close, allowEndOfDay: true, out var close))
            {
                Fail("开放时间请按 HH:mm 填写，如 08:00、18:30（结束时间可为24:00）");
                continue;
            }
            if (open == close)
            {
                Fail("开始和结束时间不能相同；全天开放请选择24小时");
                continue;
            }
            normalised.Add(new Period(days.Order().ToArray(), Format(open), Format(close)));
        }
        return failed ? null : new OpeningHours(hours.AllDay, normalised, hours.AfterHoursAccess);
    }

    public WeeklySchedule ToSchedule()
    {
        if (AllDay) return WeeklySchedule.AlwaysOpen;
        var intervals = new List<int>();
        foreach (var period in Weekly ?? [])
        {
            if (!TryParseTime(period.Open, false, out var open) || !TryParseTime(period.Close, true, out var close)
                || open == close) continue;
            var length = close > open ? close - open : close + WeeklySchedule.MinutesPerDay - open;
            foreach (var day in period.Days ?? [])
            {
                if (day is < 1 or > 7) continue;
                var start = (day - 1) * WeeklySchedule.MinutesPerDay + open;
                intervals.Add(start);
                intervals.Add(start + length);
            }
        }
        return intervals.Count == 0 ? WeeklySchedule.NeverKnownOpen : new WeeklySchedule(false, intervals.ToArray());
    }

    internal static bool TryParseTime(string? text, bool allowEndOfDay, out int minutes)
    {
        minutes = 0;
        if (text is not { Length: 5 } || text[2] != ':') return false;
        if (!int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture,
            out var minute)) return false;
        if (allowEndOfDay && hour == 24 && minute == 0)
        {
            minutes = WeeklySchedule.MinutesPerDay;
            return true;
        }
        if (hour > 23 || minute > 59) return false;
        minutes = hour * 60 + minute;
        return true;
    }

    private static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}

/// <summary>Opening hours compiled to minute-of-week intervals, so "open now" is a few integer comparisons.</summary>
public sealed class WeeklySchedule
{
    public const int MinutesPerDay = 24 * 60;
    public const int MinutesPerWeek = 7 * MinutesPerDay;

    public static readonly WeeklySchedule AlwaysOpen = new(true, []);
    public static readonly WeeklySchedule NeverKnownOpen = new(false, []);

    // Pairs of [start, end) minutes from Monday 00:00; an end past the week's end wraps into Monday.
    private readonly int[] _intervals;

    public WeeklySchedule(bool allDay, int[] intervals)
    {
        AllDay = allDay;
        _intervals = intervals;
    }

    public bool AllDay { get; }

    public bool IsOpenAt(int minuteOfWeek)
    {
        if (AllDay) return true;
        var wrapped = minuteOfWeek + MinutesPerWeek;
        for (var i = 0; i < _intervals.Length; i += 2)
        {
            var start = _intervals[i];
            var end = _intervals[i + 1];
            if ((minuteOfWeek >= start && minuteOfWeek < end) || (wrapped >= start && wrapped < end)) return true;
        }
        return false;
    }

    /// <summary>
    /// Minutes since Monday 00:00 in Asia/Shanghai (no daylight saving, so one conversion per request suffices).
    /// </summary>
    public static int MinuteOfWeek(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone);
        var day = ((int)local.DayOfWeek + 6) % 7;
        return day * MinutesPerDay + local.Hour * 60 + local.Minute;
    }
}
