namespace MiniApp.Api.Tests.Validation;

public sealed class UnifiedSocialCreditCodeFacts
{
    [Theory]
    [InlineData("91350100M000100Y43", "91350100M000100Y43")]  // the example published with GB 32100 validators
    [InlineData("91440300708461136T", "91440300708461136T")]  // registered enterprises, codes as published
    [InlineData("91110108551385082Q", "91110108551385082Q")]
    [InlineData("11610923MB2900168E", "11610923MB2900168E")]  // an 机关 (first digit 1)
    [InlineData("91341000MA2N0ABGXX", "91341000MA2N0ABGXX")]  // check character X
    [InlineData("92530427MA6K00001K", "92530427MA6K00001K")]  // computed: a 个体工商户 code in 新平
    [InlineData(" 91350100m000100y43 ", "91350100M000100Y43")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")]
    public void TryNormalize_AcceptsAndNormalizes_WhenTheCheckCharacterMatches(string input, string expected)
    {
        Assert.True(UnifiedSocialCreditCode.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4A")]
    [InlineData("91350200M000000510")]  // circulates online as an example, but its check character is wrong
    [InlineData("92530427MA6K00002K")]
    public void TryNormalize_RejectsWithCheckMessage_WhenTheCheckCharacterIsWrong(string input)
    {
        Assert.False(UnifiedSocialCreditCode.TryNormalize(input, out var normalized, out var error));
        Assert.Contains("校验", error);
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("91350100I000100Y43")]
    [InlineData("91350100O000100Y43")]
    [InlineData("91350100Z000100Y43")]
    [InlineData("91350100S000100Y43")]
    [InlineData("91350100V000100Y43")]
    [InlineData("91350100M000100-43")]
    public void TryNormalize_RejectsWithCharacterMessage_WhenALetterIsOutsideTheAlphabet(string input)
    {
        Assert.False(UnifiedSocialCreditCode.TryNormalize(input, out _, out var error));
        Assert.Contains("I、O、Z、S、V", error);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("350100M00010")]  // a 15-character 注册号 from before 2015
    public void TryNormalize_RejectsWithLengthMessage_WhenNotEighteenCharacters(string input)
    {
        Assert.False(UnifiedSocialCreditCode.TryNormalize(input, out _, out var error));
        Assert.Contains("18位", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryNormalize_AsksForTheCode_WhenItIsMissing(string? input)
    {
        Assert.False(UnifiedSocialCreditCode.TryNormalize(input, out _, out var error));
        Assert.Equal("请填写统一社会信用代码", error);
    }
}
