using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Tests.Spreadsheets;

public sealed class HeaderedSheetFacts
{
    private static readonly ImportLimits Limits = new ImportsOptions().For(10);

    /// <summary>The rows of a sheet, counting how many the reader took.</summary>
    private sealed class Counted(IEnumerable<IDictionary<string, object?>> rows)
    {
        public int Taken { get; private set; }

        public IEnumerable<IDictionary<string, object?>> Rows => rows.Select(row =>
        {
            Taken++;
            return row;
        });
    }

    private static IDictionary<string, object?> Cells(params object?[] values) =>
        values.Select((v, i) => (Key: i.ToString(), Value: v)).ToDictionary(c => c.Key, c => c.Value);

    private static IEnumerable<IDictionary<string, object?>> Endless(IDictionary<string, object?> row)
    {
        while (true) yield return row;
    }

    private static HeaderedRows Read(IEnumerable<IDictionary<string, object?>> sheet, int maxRows = 10) =>
        HeaderedSheet.Read(sheet, header => header is "编码" or "名称" ? header : null, fields => fields.Contains("编码"), headerSearchRows: 1, maxRows);

    [Fact]
    public void Read_TakesRowsUpToTheLimit()
    {
        var sheet = new Counted([Cells("编码", "名称"), .. Enumerable.Range(1, 10).Select(i => Cells($"X{i}", "驿站"))]);

        var read = Read(sheet.Rows);

        Assert.Equal(10, read.Rows.Count);
        Assert.Equal(11, read.Rows[^1].Number);
    }

    [Fact]
    public void Read_StopsAtTheFirstRowPastTheLimit()
    {
        var sheet = new Counted(Endless(Cells("X1", "驿站")).Prepend(Cells("编码", "名称")));

        var refusal = Assert.Throws<ImportTooLargeException>(() => Read(sheet.Rows));

        Assert.Equal(("rows", 10L), (refusal.Unit, refusal.Limit));
        Assert.Equal(1 + 11, sheet.Taken);
    }

    [Fact]
    public void Read_StopsAtTheFirstBlankRowPastTheLimit()
    {
        var sheet = new Counted(Endless(Cells(null, " ")).Prepend(Cells("X1", "驿站")).Prepend(Cells("编码", "名称")));

        var refusal = Assert.Throws<ImportTooLargeException>(() => Read(sheet.Rows));

        Assert.Equal(("rows", 10L), (refusal.Unit, refusal.Limit));
        Assert.Equal(1 + 1 + 11, sheet.Taken);
    }

    [Fact]
    public void Xlsx_RowsAreAsWideAsTheColumnsUsed_WhenTheSheetClaimsEveryColumn()
    {
        var file = Workbooks.Package(Workbooks.Sheet(Workbooks.Row(1, "编码", "名称") + Workbooks.Row(2, "X1", "驿站"), dimension: "A1:XFD2"));

        var rows = HeaderedSheet.Xlsx(new MemoryStream(file), Limits).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["A", "B"], row.Keys));
        Assert.Equal("驿站", rows[1]["B"]);
    }

    [Fact]
    public void Xlsx_RowsAreAtMostMaxColumnsWide_WhenACellStandsInTheLastColumn()
    {
        var far = "<row r=\"3\"><c r=\"XFD3\" t=\"inlineStr\"><is><t>远</t></is></c></row>";
        var file = Workbooks.Package(Workbooks.Sheet(Workbooks.Row(1, "编码", "名称") + Workbooks.Row(2, "X1", "驿站") + far));

        var rows = HeaderedSheet.Xlsx(new MemoryStream(file), Limits).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(Limits.MaxColumns, row.Count));
        Assert.DoesNotContain("远", rows[2].Values);
    }

    [Fact]
    public void Xlsx_StopsFillingAGapOfAMillionRows_AtTheLimit()
    {
        var file = Workbooks.Package(Workbooks.Sheet(Workbooks.Row(1, "编码", "名称") + Workbooks.Row(1_048_576, "X1"), dimension: "A1:XFD1048576"));
        var sheet = new Counted(HeaderedSheet.Xlsx(new MemoryStream(file), Limits));

        Assert.Throws<ImportTooLargeException>(() => Read(sheet.Rows));

        Assert.Equal(1 + 11, sheet.Taken);
    }

    [Fact]
    public void Xlsx_ReadsNoEmbeddedFile_WhatEverSizeTheZipDeclares()
    {
        var sheet = Workbooks.Sheet(Workbooks.Row(1, "编码", "名称") + Workbooks.Row(2, "@@@fileid@@@,xl/worksheets/sheet1.xml", "驿站"));
        var file = Workbooks.Package(sheet.Claiming(3_000_000_000));

        var read = Read(HeaderedSheet.Xlsx(new MemoryStream(file), Limits));

        Assert.Equal("@@@fileid@@@,xl/worksheets/sheet1.xml", Assert.Single(read.Rows)["编码"]);
    }

    [Theory]
    [InlineData("'=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")")]
    [InlineData("  '+SUM(1,2)  ", "+SUM(1,2)")]
    [InlineData("'-2+3+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0")]
    [InlineData("'@SUM(1)", "@SUM(1)")]
    [InlineData("'桂山", "'桂山")]
    [InlineData("'-5", "'-5")]
    public void Text_TakesBackTheQuoteAnExportPutBeforeAFormula(string cell, string text)
    {
        Assert.Equal(text, HeaderedSheet.Text(cell));
    }

    [Theory]
    [InlineData(530427001d, "530427001")]
    [InlineData(24.070512d, "24.070512")]
    [InlineData(1e30, "1E+30")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Text_WritesNumbersAsTheirDigits(double value, string text)
    {
        Assert.Equal(text, HeaderedSheet.Text(value));
    }
}
