using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Tests.ReferenceData;

public sealed class ReferenceListsFacts
{
    public static TheoryData<string> AllLists() =>
    [
        nameof(ReferenceLists.EmploymentForms), nameof(ReferenceLists.Ethnicities), nameof(ReferenceLists.EducationLevels),
        nameof(ReferenceLists.PoliticalStatuses), nameof(ReferenceLists.HukouTypes), nameof(ReferenceLists.ApplicationStatuses),
        nameof(ReferenceLists.RejectReasons),
    ];

    private static CodeList ListNamed(string name) =>
        (CodeList)typeof(ReferenceLists).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(AllLists))]
    public void EveryList_HasUniqueNonEmptyCodesAndNames(string list)
    {
        var items = ListNamed(list);
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Code) || string.IsNullOrWhiteSpace(item.Name)));
        Assert.Equal(items.Count, items.Select(item => item.Code).Distinct().Count());
        Assert.Equal(items.Count, items.Select(item => item.Name).Distinct().Count());
    }

    [Fact]
    public void Ethnicities_AreTheFiftySixOfGbT3304_InTheStandardOrder_ThenCodes97And98()
    {
        var ethnicities = ReferenceLists.Ethnicities;
        var numbered = ethnicities.Take(56).ToList();

        Assert.Equal(58, ethnicities.Count);
        Assert.Equal(Enumerable.Range(1, 56).Select(n => n.ToString("00")), numbered.Select(e => e.Code));
        Assert.All(numbered, e => Assert.EndsWith("族", e.Name));
        Assert.Equal(new CodeName("01", "汉族"), ethnicities[0]);
        Assert.Equal("彝族", ethnicities.NameOf("07"));   // the two 自治 peoples of 新平
        Assert.Equal("傣族", ethnicities.NameOf("18"));
        Assert.Equal("朝鲜族", ethnicities.NameOf("10"));
        Assert.Equal("哈尼族", ethnicities.NameOf("16"));
        Assert.Equal("基诺族", ethnicities.NameOf("56"));
        Assert.Equal("其他", ethnicities.NameOf("97"));
        Assert.Equal("外国血统中国籍人士", ethnicities.NameOf("98"));
    }

    [Fact]
    public void PoliticalStatuses_FollowGbT4762()
    {
        var statuses = ReferenceLists.PoliticalStatuses;

        Assert.Equal(Enumerable.Range(1, 13).Select(n => n.ToString("00")), statuses.Select(s => s.Code));
        Assert.Equal("中共党员", statuses.NameOf("01"));
        Assert.Equal("中共预备党员", statuses.NameOf("02"));
        Assert.Equal("共青团员", statuses.NameOf("03"));
        Assert.Equal(["民革会员", "民盟盟员", "民建会员", "民进会员", "农工党党员", "致公党党员", "九三学社社员", "台盟盟员"],
            statuses.Skip(3).Take(8).Select(s => s.Name));
        Assert.Equal("无党派人士", statuses.NameOf("12"));
        Assert.Equal("群众", statuses.NameOf("13"));
    }

    [Fact]
    public void ApplicationStatuses_AreTheFourTheApplicationTableUses()
    {
        Assert.Equal(["submitted", "approved", "rejected", "withdrawn"], ReferenceLists.ApplicationStatuses.Select(s => s.Code));
        Assert.Equal("待审核", ReferenceLists.ApplicationStatuses.NameOf("submitted"));
    }

    [Fact]
    public void IsKnownAndNameOf_AnswerByExactCode()
    {
        Assert.True(ReferenceLists.EducationLevels.IsKnown("junior_college"));
        Assert.Equal("大专", ReferenceLists.EducationLevels.NameOf("junior_college"));
        Assert.Equal("居民户口", ReferenceLists.HukouTypes.NameOf("resident"));
        Assert.Equal("不属于本工会受理范围", ReferenceLists.RejectReasons.NameOf("wrong_union"));
        Assert.Equal("平台灵活就业", ReferenceLists.EmploymentForms.NameOf("platform_flexible"));

        Assert.False(ReferenceLists.EducationLevels.IsKnown("Junior_College"));
        Assert.False(ReferenceLists.Ethnicities.IsKnown("7"));
        Assert.False(ReferenceLists.Ethnicities.IsKnown(null));
        Assert.Null(ReferenceLists.Ethnicities.NameOf("57"));
        Assert.Null(ReferenceLists.Ethnicities.NameOf(null));
    }

    [Fact]
    public void CodeList_Throws_WhenACodeRepeats()
    {
        Assert.Throws<ArgumentException>(() => new CodeList(("a", "甲"), ("a", "乙")));
    }
}
