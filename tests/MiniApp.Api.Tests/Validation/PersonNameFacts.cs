namespace MiniApp.Api.Tests.Validation;

public sealed class PersonNameFacts
{
    private const string ExtB = "\U00020000"; // 𠀀, CJK Extension B: two UTF-16 units, one character

    [Theory]
    [InlineData("李四", "李四")]
    [InlineData("张三丰", "张三丰")]
    [InlineData("  欧阳娜娜 ", "欧阳娜娜")]
    [InlineData("阿依古丽·买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提")]    // bullet
    [InlineData("阿依古丽．买买提", "阿依古丽·买买提")]   // full-width full stop
    [InlineData("阿依古丽・买买提", "阿依古丽·买买提")]   // katakana middle dot
    [InlineData("阿依古丽 · 买买提", "阿依古丽·买买提")]
    [InlineData("Zhang San", "Zhang San")]
    [InlineData("Zhang   San", "Zhang San")]
    [InlineData("Ｚｈａｎｇ　Ｓａｎ", "Zhang San")]
    [InlineData("José Müller", "José Müller")]
    [InlineData("张 三", "张三")]                       // no spaces between Chinese characters
    [InlineData("王" + ExtB, "王" + ExtB)]
    public void TryNormalize_AcceptsAndNormalizes_WhenTheNameIsPlausible(string input, string expected)
    {
        Assert.True(PersonName.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void TryNormalize_ComposesDecomposedAccents_SoTheyCountOnce()
    {
        Assert.True(PersonName.TryNormalize("Jose\u0301", out var normalized, out _));
        Assert.Equal("José", normalized);
    }

    [Theory]
    [InlineData("李")]
    [InlineData(ExtB)]   // one character though two UTF-16 units
    [InlineData(" 李 ")]
    public void TryNormalize_RejectsAsTooShort_WhenOneCharacter(string input)
    {
        Assert.False(PersonName.TryNormalize(input, out _, out var error));
        Assert.Equal("姓名至少2个字", error);
    }

    [Fact]
    public void TryNormalize_AcceptsThirtyCharacters_AndRejectsThirtyOne()
    {
        Assert.True(PersonName.TryNormalize(new string('张', 30), out _, out _));
        Assert.False(PersonName.TryNormalize(new string('张', 31), out _, out var error));
        Assert.Equal("姓名不能超过30个字", error);
    }

    [Fact]
    public void TryNormalize_CountsExtensionBCharactersOnce_NotAsTwoUnits()
    {
        var thirty = string.Concat(Enumerable.Repeat(ExtB, 30));  // 60 UTF-16 units
        Assert.True(PersonName.TryNormalize(thirty, out var normalized, out var error), error);
        Assert.Equal(thirty, normalized);
        Assert.False(PersonName.TryNormalize(thirty + ExtB, out _, out _));
    }

    [Theory]
    [InlineData("张三1")]
    [InlineData("张３")]
    [InlineData("Zhang San 2")]
    public void TryNormalize_RejectsWithDigitMessage_WhenTheNameHasDigits(string input)
    {
        Assert.False(PersonName.TryNormalize(input, out _, out var error));
        Assert.Equal("姓名不能包含数字", error);
    }

    [Theory]
    [InlineData("张三!")]
    [InlineData("张_三")]
    [InlineData("张三😀")]
    [InlineData("Zhang.San")]
    [InlineData("张三\u200D")]
    [InlineData("张\uD800三")]  // a lone surrogate
    public void TryNormalize_RejectsWithLettersMessage_WhenTheNameHasOtherSymbols(string input)
    {
        Assert.False(PersonName.TryNormalize(input, out _, out var error));
        Assert.Equal("姓名只能包含汉字、字母和间隔号“·”", error);
    }

    [Theory]
    [InlineData("·买买提")]
    [InlineData("买买提·")]
    [InlineData("阿依古丽··买买提")]
    [InlineData("阿依古丽·•买买提")]
    public void TryNormalize_RejectsWithDotMessage_WhenTheDotIsMisplaced(string input)
    {
        Assert.False(PersonName.TryNormalize(input, out _, out var error));
        Assert.Contains("间隔号", error);
        Assert.Contains("中间", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void TryNormalize_AsksForTheName_WhenItIsMissing(string? input)
    {
        Assert.False(PersonName.TryNormalize(input, out _, out var error));
        Assert.Equal("请填写姓名", error);
    }
}
