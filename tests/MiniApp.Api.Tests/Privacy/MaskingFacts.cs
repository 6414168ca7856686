using MiniApp.Api.Infrastructure.Privacy;

namespace MiniApp.Api.Tests.Privacy;

public sealed class MaskingFacts
{
    [Theory]
    [InlineData("53042719850312003X", "5304**********003X")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("440524188001010014", "4405**********0014")]
    public void IdNumber_KeepsFirstFourAndLastFour_WhenEighteenCharacters(string input, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(input));
    }

    [Theory]
    [InlineData("110105491231002", "1**************")]  // an old 15-digit number
    [InlineData("5304271985", "5*********")]
    [InlineData("11010519491231002X9", "1******************")]
    [InlineData("5", "*")]
    [InlineData("", "")]
    public void IdNumber_KeepsOnlyTheFirstCharacter_WhenTheLengthIsUnexpected(string input, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(input));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19900001111", "199****1111")]
    public void Phone_KeepsFirstThreeAndLastFour_WhenElevenDigits(string input, string expected)
    {
        Assert.Equal(expected, Masking.Phone(input));
    }

    [Theory]
    [InlineData("+8613812345678", "+*************")]
    [InlineData("1381234567", "1*********")]
    [InlineData("1", "*")]
    [InlineData("", "")]
    public void Phone_KeepsOnlyTheFirstCharacter_WhenTheLengthIsUnexpected(string input, string expected)
    {
        Assert.Equal(expected, Masking.Phone(input));
    }

    [Theory]
    [InlineData("李四", "李*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("欧阳锋", "欧阳*")]
    [InlineData("欧阳", "欧*")]          // two characters: 欧 is the surname
    [InlineData("阿依古丽·买买提", "阿*******")]
    [InlineData("Zhang San", "Z********")]
    public void Name_KeepsTheSurname_AndMasksTheRest(string input, string expected)
    {
        Assert.Equal(expected, Masking.Name(input));
    }

    [Fact]
    public void Name_CountsAnExtensionBCharacterAsOne()
    {
        Assert.Equal("王*", Masking.Name("王\U00020000"));
        Assert.Equal("\U00020000*", Masking.Name("\U00020000王"));
    }

    [Theory]
    [InlineData("李")]
    [InlineData("\U00020000")]
    public void Name_MasksEverything_WhenOneCharacter(string input)
    {
        Assert.Equal("*", Masking.Name(input));
    }

    [Fact]
    public void Masking_NeverThrows_OnNull()
    {
        Assert.Equal("", Masking.Name(null!));
        Assert.Equal("", Masking.IdNumber(null!));
        Assert.Equal("", Masking.Phone(null!));
    }
}
