using MiniApp.Api.Stations;

namespace MiniApp.Api.Tests.Stations;

public sealed class OpeningHoursTextFacts
{
    private static string Describe(string text)
    {
        Assert.True(OpeningHoursText.TryParse(text, out var allDay, out var periods, out var error), error);
        return allDay ? "24h" : string.Join("; ", periods.Select(p => $"{string.Join(",", p.Days!)} {p.Open}-{p.Close}"));
    }

    [Theory]
    [InlineData("24小时", "24h")]
    [InlineData("24H", "24h")]
    [InlineData("全天", "24h")]
    [InlineData("周一至周五 08:00-18:00", "1,2,3,4,5 08:00-18:00")]
    [InlineData("周一至周五 08:00-18:00；周六、周日 09:00-17:00", "1,2,3,4,5 08:00-18:00; 6,7 09:00-17:00")]
    [InlineData("工作日 8:30-12:00,14:30-18:00", "1,2,3,4,5 08:30-12:00; 1,2,3,4,5 14:30-18:00")]
    [InlineData("每天 20:00-06:00", "1,2,3,4,5,6,7 20:00-06:00")]
    [InlineData("1-5 08:00 - 18:00", "1,2,3,4,5 08:00-18:00")]
    [InlineData("星期六到星期日 09：00~12：00", "6,7 09:00-12:00")]
    [InlineData("周五至周一 20:00-08:00", "1,5,6,7 20:00-08:00")]
    [InlineData("周末 10:00-16:00", "6,7 10:00-16:00")]
    [InlineData("08:00-18:00", "1,2,3,4,5,6,7 08:00-18:00")]
    [InlineData("", "")]
    public void TryParse_ReadsHoursAsPeopleWriteThem(string text, string expected)
    {
        Assert.Equal(expected, Describe(text));
    }

    [Theory]
    [InlineData("周八 08:00-18:00")]
    [InlineData("周一至周五")]
    [InlineData("周一 08:00到")]
    [InlineData("早上八点到晚上六点")]
    public void TryParse_ExplainsWhatItCannotRead(string text)
    {
        Assert.False(OpeningHoursText.TryParse(text, out _, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
