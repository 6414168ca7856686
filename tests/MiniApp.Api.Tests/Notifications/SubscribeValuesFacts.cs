using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.Tests.Notifications;

public sealed class SubscribeValuesFacts
{
    [Fact]
    public void Thing_LongerThan20_IsCutTo20WithAnEllipsis()
    {
        var value = SubscribeValues.Fit("thing4", "新平县道路货运行业工会联合会已受理您的入会申请请耐心等待");

        Assert.Equal(20, value.EnumerateRunes().Count());
        Assert.EndsWith("…", value);
        Assert.StartsWith("新平县道路货运行业工会联合会", value);
    }

    [Fact]
    public void Thing_Within20_IsKeptAsIs() => Assert.Equal("桂山街道总工会", SubscribeValues.Fit("thing2", "桂山街道总工会"));

    [Fact]
    public void Phrase_KeepsOnlyChinese_AtMostFive()
    {
        Assert.Equal("已通过", SubscribeValues.Fit("phrase1", "已通过!"));
        Assert.Equal("审核已经通", SubscribeValues.Fit("phrase1", "审核 已经通过了"));
        Assert.Equal("通知", SubscribeValues.Fit("phrase1", "OK"));
    }

    [Fact]
    public void Name_MixedText_CountsAsChinese_TenAtMost()
    {
        Assert.Equal(10, SubscribeValues.Fit("name1", "阿卜杜热合曼·买买提江abc").EnumerateRunes().Count());
        Assert.Equal("Zhang San Feng", SubscribeValues.Fit("name1", "Zhang San Feng"));
    }

    [Fact]
    public void CharacterString_DropsChineseAndLimitsTo32() =>
        Assert.Equal("XP20260000123", SubscribeValues.Fit("character_string3", "会员号XP20260000123"));

    [Fact]
    public void Number_KeepsDigitsOnly() => Assert.Equal("12", SubscribeValues.Fit("number2", "12份"));

    [Fact]
    public void CharactersOutsideTheBmp_AreNeverSplit()
    {
        var value = SubscribeValues.Fit("thing1", string.Concat(Enumerable.Repeat("𠀀", 25)));

        Assert.Equal(20, value.EnumerateRunes().Count());
        Assert.DoesNotContain(value.EnumerateRunes(), r => r == Rune.ReplacementChar);
        Assert.True(value.EnumerateRunes().Take(19).All(r => r.Value == 0x20000));
    }

    [Fact]
    public void EmptyValue_BecomesAPlaceholder_SoWeChatDoesNotRefuseIt() => Assert.Equal("-", SubscribeValues.Fit("thing3", "  "));

    [Fact]
    public void UnknownAndDateTypes_PassThrough() => Assert.Equal("2026年11月29日", SubscribeValues.Fit("date3", "2026年11月29日"));
}
