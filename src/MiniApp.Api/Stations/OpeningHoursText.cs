using System.Text.RegularExpressions;

namespace MiniApp.Api.Stations;

/// <summary>
/// Opening hours as people write them in a spreadsheet: "24小时", "周一至周五 08:00-18:00；周六、周日 09:00-12:00",
/// "工作日 8:30-12:00,14:30-18:00", "每天 20:00-06:00" (past midnight), "1-5 08:00-18:00". Periods are separated by
/// ；/; or a line break; days by 、/,; a day range by 至/到/-; no days means every day.
/// </summary>
public static partial class OpeningHoursText
{
    public static bool TryParse(string? text, out bool allDay, out List<OpeningHours.Period> periods, out string? error)
    {
        allDay = false;
        periods = [];
        error = null;
        var value = (text ?? "").Trim().Replace('：', ':');
        if (value.Length == 0) return true;
        if (AllDayPattern().IsMatch(value))
        {
            allDay = true;
            return true;
        }
        foreach (
            var part in value.Split([';', '；', '\n', '\r'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var firstTime = FirstTimePattern().Match(part);
            if (!firstTime.Success)
            {
                error = $"“{part}”缺少时间，请写成如“周一至周五 08:00-18:00”";
                return false;
            }
            if (!TryParseDays(part[..firstTime.Index], out var days))
            {
                error = $"“{part[..firstTime.Index].Trim()}”不是可识别的日期，请写成如“周一至周五”“周六、周日”或“每天”";
                return false;
            }
            var times = SeparatorSpacesPattern().Replace(part[firstTime.Index..], "$1");
            foreach (var range in times.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                var match = RangePattern().Match(range);
                if (!match.Success)
                {
                    error = $"“{range}”不是可识别的时间段，请写成如“08:00-18:00”";
                    return false;
                }
                periods.Add(
                    new OpeningHours.Period(days, Pad(match.Groups["open"].Value), Pad(match.Groups["close"].Value)));
            }
        }
        return true;
    }

    internal static bool TryParseDays(string text, out int[] days)
    {
        var value = text.Trim().Replace("星期", "周").Replace("礼拜", "周");
        days = [];
        if (value.Length == 0
            || value is "每天" or "每日" or "全周" or "周一至周日" or "天天") { days = [1, 2, 3, 4, 5, 6, 7]; return true; }
        value = value.Replace("工作日", "1-5").Replace("周末", "6、7").Replace("周", "");
        var result = new SortedSet<int>();
        foreach (var piece in value.Split(['、', ',', '，', '/', ' ', '和'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = piece.Split(['-', '~', '至', '到', '–', '—']);
            if (bounds.Length is < 1 or > 2 || !TryDay(bounds[0], out var from)) return false;
            var to = from;
            if (bounds.Length == 2 && !TryDay(bounds[1], out to)) return false;
            // 周五至周一 wraps over the weekend.
            for (var day = from; ; day = day % 7 + 1)
            {
                result.Add(day);
                if (day == to) break;
            }
        }
        days = result.ToArray();
        return days.Length > 0;
    }

    private static bool TryDay(string text, out int day)
    {
        day = text.Trim() switch
        {
            "一" or "1" => 1,
            "二" or "2" => 2,
            "三" or "3" => 3,
            "四" or "4" => 4,
            "五" or "5" => 5,
            "六" or "6" => 6,
            "日" or "天" or "七" or "7" => 7,
            _ => 0,
        };
        return day != 0;
    }

    private static string Pad(string time) => time.Length == 4 ? "0" + time : time;

    [GeneratedRegex(@"^(24小时|24h|全天|全天24小时|24小时开放|全天开放)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllDayPattern();

    [GeneratedRegex(@"\s*([-~至到–—])\s*")]
    private static partial Regex SeparatorSpacesPattern();

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex FirstTimePattern();

    [GeneratedRegex(@"^(?<open>\d{1,2}:\d{2})[-~至到–—](?<close>\d{1,2}:\d{2})$")]
    private static partial Regex RangePattern();
}
