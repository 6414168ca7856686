using MiniApp.Api.Enterprises;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Tests.Enterprises;

public sealed class EnterpriseImportCellsFacts
{
    private static readonly CodeList Townships = new(("530427001", "桂山街道"), ("530427100", "扬武镇"), ("530427204", "者竜乡"));
    private static readonly CodeList Departments = new(("transport", "县交通运输局"), ("postal_service", "中国邮政集团公司云南省新平县分公司"));

    [Theory]
    [InlineData("桂山街道", "530427001")]
    [InlineData("桂山", "530427001")]
    [InlineData("新平县扬武镇", "530427100")]
    [InlineData("扬武", "530427100")]
    [InlineData("者竜乡", "530427204")]
    [InlineData("530427204", "530427204")]
    [InlineData("者龙乡", null)]
    [InlineData("火星乡", null)]
    public void Township_MatchesNameShortNameOrCode(string text, string? code) => Assert.Equal(code, EnterpriseImportCells.Township(text, Townships));

    [Theory]
    [InlineData("县交通运输局", "transport")]
    [InlineData("交通运输局", "transport")]
    [InlineData("新平县交通运输局", "transport")]
    [InlineData("transport", "transport")]
    [InlineData("中国邮政集团公司云南省新平县分公司", "postal_service")]
    [InlineData("交通局", null)]
    public void Department_MatchesNameWithOrWithoutTheCountyPrefix(string text, string? code) =>
        Assert.Equal(code, EnterpriseImportCells.Department(text, Departments));

    [Theory]
    [InlineData("2019-06-30", false, "2019-06-30")]
    [InlineData("2019/6/3", false, "2019-06-03")]
    [InlineData("2019.6.30", false, "2019-06-30")]
    [InlineData("2019年6月30日", false, "2019-06-30")]
    [InlineData("2019年9月", true, "2019-09-30")]
    [InlineData("2019年2月", true, "2019-02-28")]
    [InlineData("2019-09", false, "2019-09-01")]
    [InlineData("43646", false, "2019-06-30")]
    public void Date_ReadsTheWaysPeopleWriteThem(string text, bool endOfMonth, string expected)
    {
        var errors = new FieldErrors();

        var date = EnterpriseImportCells.Date(text, "plannedOn", "计划建会时间", endOfMonth, errors);

        Assert.Equal(DateOnly.Parse(expected), date);
        Assert.Equal(0, errors.Count);
    }

    [Theory]
    [InlineData("明年")]
    [InlineData("2019-13-01")]
    [InlineData("2019-02-30")]
    [InlineData("19-6-30")]
    public void Date_RefusesWhatItCannotRead(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(EnterpriseImportCells.Date(text, "plannedOn", "计划建会时间", true, errors));
        Assert.Contains("计划建会时间", errors.ToDictionary()["plannedOn"][0]);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("1,200", 1200)]
    [InlineData("230人", 230)]
    [InlineData(" 88 ", 88)]
    public void Count_ReadsPlainAndDecoratedNumbers(string text, int expected) =>
        Assert.Equal(expected, EnterpriseImportCells.Count(text, "staffCount", "职工人数", new FieldErrors()));

    [Theory]
    [InlineData("很多")]
    [InlineData("-5")]
    [InlineData("12.5")]
    public void Count_RefusesWhatIsNotACount(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(EnterpriseImportCells.Count(text, "staffCount", "职工人数", errors));
        Assert.True(errors.Has("staffCount"));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("√", true)]
    [InlineData("y", true)]
    [InlineData("否", false)]
    [InlineData(null, false)]
    [InlineData("无", false)]
    public void Flag_ReadsYesAndNo(string? text, bool expected)
    {
        var errors = new FieldErrors();

        Assert.Equal(expected, EnterpriseImportCells.Flag(text, "inIndustrialPark", errors));
        Assert.Equal(0, errors.Count);
    }

    [Fact]
    public void Parse_MapsNamesToCodes_AndAnEmptyStatusStaysEmpty()
    {
        var row = new SheetRow(5, new Dictionary<string, string>
        {
            ["township"] = "扬武镇", ["name"] = "扬武矿业有限公司", ["creditCode"] = "91530427MA6K00000X", ["ownershipType"] = "民营",
            ["department"] = "交通运输局", ["keyTopPrivate"] = "是", ["keyYuxiIndustrial"] = "否", ["unionStatus"] = "", ["staffCount"] = "150人",
        });
        var references = new EnterpriseReferences(Townships, Departments, new CodeList(("truck_driver", "货车司机")));
        var errors = new FieldErrors();

        var input = EnterpriseImportCells.Parse(row, references, errors);

        Assert.Equal(0, errors.Count);
        Assert.Equal(("530427100", "transport", "private", 150), (input.TownshipCode, input.DepartmentCode, input.OwnershipType, input.StaffCount));
        Assert.Equal(["top_private"], input.KeyFlags!);
        Assert.Null(input.UnionStatus);
        Assert.Null(input.WorkerGroups);
    }

    [Theory]
    [InlineData("是", "established")]
    [InlineData("已建会", "established")]
    [InlineData("否", "none")]
    [InlineData("未建会", "none")]
    [InlineData("筹建中", "forming")]
    [InlineData("forming", "forming")]
    public void Parse_ReadsTheUnionStatus(string text, string status)
    {
        var row = new SheetRow(2, new Dictionary<string, string> { ["unionStatus"] = text });
        var input = EnterpriseImportCells.Parse(row, new EnterpriseReferences(Townships, Departments, new CodeList()), new FieldErrors());

        Assert.Equal(status, input.UnionStatus);
    }
}
