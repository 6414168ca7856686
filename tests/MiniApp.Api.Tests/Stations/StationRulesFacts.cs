using MiniApp.Api.Stations;

namespace MiniApp.Api.Tests.Stations;

public sealed class StationRulesFacts
{
    private static StationInput Valid() => new("xp-0101", " 桂山驿站 ", "union_post", "新平县桂山街道", "530427001", 24.0705123m, 101.99m,
        ["charging", "charging", "wifi"], null, " 0877-7012345 ", null, ["https://example.invalid/a.jpg"]);

    [Fact]
    public void Check_Normalises_CodeUpperCase_CoordinatesToSixDecimals_DuplicatesOnce()
    {
        var errors = new FieldErrors();

        var draft = StationRules.Check(Valid(), existingCode: null, errors);

        Assert.Equal(0, errors.Count);
        Assert.Equal("XP-0101", draft!.Code);
        Assert.Equal("桂山驿站", draft.Name);
        Assert.Equal(24.070512m, draft.Latitude);
        Assert.Equal(["charging", "wifi"], draft.Facilities);
        Assert.Equal("0877-7012345", draft.Phone);
        Assert.Equal("[\"charging\",\"wifi\"]", draft.FacilitiesJson);
    }

    [Theory]
    [InlineData("code", "有空格 1")]
    [InlineData("name", "")]
    [InlineData("type", "airport")]
    [InlineData("regionCode", "53042")]
    [InlineData("latitude", "60")]
    [InlineData("longitude", "10")]
    [InlineData("phone", "call me")]
    [InlineData("photoUrls", "http://not-https.invalid/a.jpg")]
    public void Check_NamesTheFieldThatIsWrong(string field, string value)
    {
        var input = Valid();
        input = field switch
        {
            "code" => input with { Code = value },
            "name" => input with { Name = value },
            "type" => input with { Type = value },
            "regionCode" => input with { RegionCode = value },
            "latitude" => input with { Latitude = decimal.Parse(value) },
            "longitude" => input with { Longitude = decimal.Parse(value) },
            "phone" => input with { Phone = value },
            "photoUrls" => input with { PhotoUrls = [value] },
            _ => input,
        };
        var errors = new FieldErrors();

        Assert.Null(StationRules.Check(input, existingCode: null, errors));
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Check_OnUpdate_KeepsTheCode_AndRefusesAnotherOne()
    {
        var errors = new FieldErrors();

        Assert.NotNull(StationRules.Check(Valid() with { Code = null }, "XP-0101", new FieldErrors()));
        Assert.Null(StationRules.Check(Valid() with { Code = "XP9" }, "XP-0101", errors));
        Assert.True(errors.Has("code"));
    }

    [Theory]
    [InlineData("530000", "53")]
    [InlineData("530400", "5304")]
    [InlineData("530427", "530427")]
    [InlineData("110100", "1101")]
    [InlineData("530427001", "530427001")]
    public void RegionPrefix_CoversTheCodesBelow(string region, string prefix)
    {
        Assert.True(RegionPrefix.TryCreate(region, out var actual));
        Assert.Equal(prefix, actual);
    }

    [Theory]
    [InlineData("5304")]
    [InlineData("53042a")]
    [InlineData(null)]
    public void RegionPrefix_RefusesWhatIsNotACode(string? region)
    {
        Assert.False(RegionPrefix.TryCreate(region, out _));
    }
}
