using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Enterprises;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace MiniApp.Api.Tests.Spreadsheets;

public sealed class SpreadsheetTextFacts
{
    public static TheoryData<string> Formulas =>
    [
        "=HYPERLINK(\"http://x.invalid\",\"点我\")", "+SUM(1,2)", "@SUM(1)", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "-", "'=1+1", "''@x",
    ];

    [Theory]
    [MemberData(nameof(Formulas))]
    public void ForCell_QuotesTextASpreadsheetWouldEvaluate_AndFromCellTakesTheQuoteBack(string text)
    {
        var written = Assert.IsType<string>(SpreadsheetText.ForCell(text));

        Assert.Equal("'" + text, written);
        Assert.Equal(text, SpreadsheetText.FromCell(written));
    }

    [Theory]
    [InlineData("桂山街道")]
    [InlineData("-3.20%")]
    [InlineData("+1.20")]
    [InlineData("-0.50")]
    [InlineData("1,200")]
    [InlineData("2019-06-30")]
    [InlineData("139****5678")]
    [InlineData("'-5")]
    [InlineData("'桂山")]
    [InlineData("")]
    public void ForCell_LeavesOtherTextAsItIs(string text)
    {
        Assert.Equal(text, SpreadsheetText.ForCell(text));
        Assert.Equal(text, SpreadsheetText.FromCell(text));
    }

    [Fact]
    public void ForCell_LeavesNumbersNumbers()
    {
        Assert.Equal(-5, SpreadsheetText.ForCell(-5));
        Assert.Equal(-3.5m, SpreadsheetText.ForCell(-3.5m));
        Assert.Equal(-0.25, SpreadsheetText.ForCell(-0.25));
        Assert.Null(SpreadsheetText.ForCell(null));
    }

    [Fact]
    public async Task ReportSheet_WritesFormulasQuoted_AndNumbersAsNumbers()
    {
        var sheet = new ReportSheet("情况通报").Row("=1+1", -5, -3.5m, "-3.20%", "+SUM(A1)");

        var content = await ReportSheet.SaveAsync([sheet], default);

        var row = new MemoryStream(content).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(new object?[] { "'=1+1", -5d, -3.5d, "-3.20%", "'+SUM(A1)" }, row.Values);
    }

    [Fact]
    public async Task EnterpriseSheets_WriteFormulasQuoted_AndNumbersAsNumbers()
    {
        var table = EnterpriseSheets.Table(["企业名称", "职工人数", "备注"], [["@SUM(1)", 150, "-2+3"]]);

        var file = await EnterpriseSheets.FileAsync(table, "附件1", "form1.xlsx", default);

        var row = new MemoryStream(file.FileContents.ToArray()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("'@SUM(1)", 150d, "'-2+3"), (row["企业名称"], row["职工人数"], row["备注"]));
    }
}
