namespace MiniApp.Api.Tests.Validation;

public sealed class MainlandMobileFacts
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("＋８６　１３８－１２３４－５６７８", "13812345678")]
    public void TryNormalize_GivesElevenDigits_WhenTheNumberIsAMainlandMobile(string input, string expected)
    {
        Assert.True(MainlandMobile.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("12812345678")]     // no mobile prefix 12x
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567")]      // 10 digits
    [InlineData("138123456789")]    // 12 digits
    [InlineData("+85213812345678")] // not +86
    [InlineData("861381234567")]    // 86 + 10 digits
    [InlineData("0871-12345678")]   // a landline
    [InlineData("1381234567a")]
    [InlineData("١٣٨١٢٣٤٥٦٧٨")]      // Arabic-Indic digits
    public void TryNormalize_Rejects_WhenNotAMainlandMobile(string input)
    {
        Assert.False(MainlandMobile.TryNormalize(input, out var normalized, out var error));
        Assert.Equal("请输入正确的11位手机号码", error);
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void TryNormalize_AsksForTheNumber_WhenItIsMissing(string? input)
    {
        Assert.False(MainlandMobile.TryNormalize(input, out _, out var error));
        Assert.Equal("请填写手机号码", error);
    }
}
