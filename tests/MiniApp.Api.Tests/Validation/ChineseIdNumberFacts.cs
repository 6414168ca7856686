namespace MiniApp.Api.Tests.Validation;

public sealed class ChineseIdNumberFacts
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData("440524188001010014", "440524188001010014")]
    [InlineData("530427198503120015", "530427198503120015")]
    [InlineData("  11010519491231002x ", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [InlineData("\u3000530427198503120015\u3000", "530427198503120015")]
    public void TryParse_AcceptsAndNormalizes_WhenTheNumberIsValid(string input, string expected)
    {
        Assert.True(ChineseIdNumber.TryParse(input, Today, out var info, out var error), error);
        Assert.Equal(expected, info.Normalized);
        Assert.Equal("", error);
    }

    [Fact]
    public void TryParse_ReadsBirthDateRegionAndAge_FromTheNumber()
    {
        Assert.True(ChineseIdNumber.TryParse("11010519491231002X", Today, out var info, out _));

        Assert.Equal(new DateOnly(1949, 12, 31), info.BirthDate);
        Assert.Equal("110105", info.RegionCode);
        Assert.Equal(75, info.Age);
    }

    [Theory]
    [InlineData("530427198503120015", "male")]     // 顺序码 001
    [InlineData("530427198503120023", "female")]   // 002
    [InlineData("530427198503120031", "male")]     // 003
    [InlineData("11010519491231002X", "female")]   // 002
    [InlineData("440524188001010014", "male")]     // 001
    public void TryParse_TakesGender_FromTheSeventeenthDigit(string input, string gender)
    {
        Assert.True(ChineseIdNumber.TryParse(input, Today, out var info, out _));
        Assert.Equal(gender, info.Gender);
    }

    [Theory]
    [InlineData("110105194912310021")]  // the domain vector with its check character changed
    [InlineData("530427198503120016")]
    [InlineData("440524188001010015")]
    public void TryParse_RejectsWithCheckMessage_WhenTheCheckCharacterIsWrong(string input)
    {
        Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("校验", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_AsksForTheNumber_WhenItIsMissing(string? input)
    {
        Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal("请填写身份证号码", error);
    }

    [Theory]
    [InlineData("11010519491231002")]      // 17 characters
    [InlineData("11010519491231002X1")]    // 19 characters
    [InlineData("110105491231002")]        // the old 15-digit form
    [InlineData("11010519491231X02X")]     // X inside
    [InlineData("1101051949123100 2X")]    // space inside
    [InlineData("11010519491231002Y")]
    [InlineData("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")]    // Arabic-Indic digits are digits to .NET, not to GB 11643
    public void TryParse_RejectsWithFormatMessage_WhenLengthOrCharactersAreWrong(string input)
    {
        Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("18位", error);
    }

    [Theory]
    [InlineData("530427199002300012")]  // 30 February, check character valid
    [InlineData("530427199013010010")]  // month 13
    [InlineData("530427199002290037")]  // 29 February of a common year
    [InlineData("530427000000000015")]
    public void TryParse_RejectsWithBirthDateMessage_WhenTheDateDoesNotExist(string input)
    {
        Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains("出生日期", error);
        Assert.DoesNotContain("校验", error);
    }

    [Fact]
    public void TryParse_AcceptsTwentyNinthFebruary_InALeapYear()
    {
        Assert.True(ChineseIdNumber.TryParse("530427200002290032", Today, out var info, out _));
        Assert.Equal(new DateOnly(2000, 2, 29), info.BirthDate);
    }

    [Fact]
    public void TryParse_RejectsWithBirthDateMessage_WhenBornAfterToday()
    {
        Assert.False(ChineseIdNumber.TryParse("530427202506160011", Today, out _, out var error));  // born 2025-06-16
        Assert.Contains("出生日期", error);
    }

    [Fact]
    public void TryParse_RejectsAsUnderSixteen_OnTheDayBeforeTheSixteenthBirthday()
    {
        // Born 2009-06-16: on 2025-06-15 the holder is 15 years and 364 days old.
        Assert.False(ChineseIdNumber.TryParse("530427200906160011", Today, out _, out var error));
        Assert.Contains("未满16周岁", error);
    }

    [Fact]
    public void TryParse_Accepts_OnTheSixteenthBirthday()
    {
        Assert.True(ChineseIdNumber.TryParse("530427200906150016", Today, out var info, out var error), error);
        Assert.Equal(16, info.Age);
    }

    [Fact]
    public void TryParse_CountsALeapDayBirthdayAsReachedOnFirstMarch_InACommonYear()
    {
        const string bornLeapDay2008 = "530427200802290057";
        Assert.False(ChineseIdNumber.TryParse(bornLeapDay2008, new DateOnly(2024, 2, 28), out _, out _));
        Assert.True(ChineseIdNumber.TryParse(bornLeapDay2008, new DateOnly(2024, 2, 29), out _, out _));
        Assert.True(ChineseIdNumber.TryParse(bornLeapDay2008, new DateOnly(2025, 3, 1), out var info, out _));
        Assert.Equal(17, info.Age);
    }

    [Fact]
    public void TryParse_GivesADistinctMessage_PerKindOfFailure()
    {
        string ErrorOf(string input)
        {
            Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
            return error;
        }

        string[] errors = [ErrorOf("1101051949"), ErrorOf("530427199002300012"), ErrorOf("530427200906160011"), ErrorOf("110105194912310021")];

        Assert.Equal(errors.Length, errors.Distinct().Count());
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("530427199002300012")]
    [InlineData("530427200906160011")]
    [InlineData("5304271985031200")]
    public void TryParse_NeverRepeatsTheNumber_InItsMessage(string input)
    {
        Assert.False(ChineseIdNumber.TryParse(input, Today, out _, out var error));
        Assert.DoesNotContain(input[..6], error);
        Assert.DoesNotContain(input[6..14], error);
    }
}
