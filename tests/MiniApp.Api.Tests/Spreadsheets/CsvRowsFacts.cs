using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Tests.Spreadsheets;

public sealed class CsvRowsFacts
{
    static CsvRowsFacts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static List<string?[]> Cells(string text, int maxColumns = 100) => CsvRows.Read(text, maxColumns)
        .Select(row => Enumerable.Range(0, row.Count).Select(i => row[i.ToString()] as string).ToArray()).ToList();

    [Fact]
    public void Read_GivesEveryLineARow_BlankOnesToo()
    {
        var rows = Cells("a,b\r\n\r\nc,d\n\nlast");

        Assert.Equal([["a", "b"], [""], ["c", "d"], [""], ["last"]], rows);
    }

    [Fact]
    public void Read_TakesQuotedCellsAsExcelWritesThem()
    {
        var rows = Cells("\"桂山街道, 1号\",\"他说\"\"好\"\"\",\"两\r\n行\",\r\nx");

        Assert.Equal([["桂山街道, 1号", "他说\"好\"", "两\r\n行", ""], ["x"]], rows);
    }

    [Fact]
    public void Read_KeepsNoCellPastMaxColumns_OfALineAMillionCommasLong()
    {
        var row = Assert.Single(CsvRows.Read("a,b" + new string(',', 1_000_000), 100));

        Assert.Equal(100, row.Count);
        Assert.Equal("b", row["1"]);
    }

    [Fact]
    public void Read_MakesBlankLinesNoWiderThanThemselves_AndStopsWhereTheReaderStops()
    {
        // A header a million commas wide over four million blank lines: padded to the header's width, as the station
        // import once did for MiniExcel, they would have been four terabytes.
        var text = "编码,名称" + new string(',', 1_000_000) + "\n" + new string('\n', 4_000_000);
        var (taken, cells) = (0, 0L);
        var rows = CsvRows.Read(text, 100).Select(row =>
        {
            taken++;
            cells += row.Count;
            return row;
        });

        Assert.Throws<ImportTooLargeException>(() => HeaderedSheet.Read(rows, header => header, fields => fields.Contains("编码"), 1, 5_000));

        Assert.Equal(1 + 5_001, taken);
        Assert.Equal(100 + 5_001, cells);
    }

    [Fact]
    public void Decode_ReadsUtf8WithOrWithoutBom_ElseGb18030_NeverMoreCharactersThanBytes()
    {
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("站点编码,者竜驿站");
        var garbage = Enumerable.Range(0, 100_000).Select(i => (byte)(0x80 + i % 0x7F)).ToArray();

        Assert.Equal("站点编码", CsvRows.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("站点编码")]));
        Assert.Equal("站点编码", CsvRows.Decode(Encoding.UTF8.GetBytes("站点编码")));
        Assert.Equal("站点编码,者竜驿站", CsvRows.Decode(gbk));
        Assert.InRange(CsvRows.Decode(garbage).Length, 1, garbage.Length);
    }
}
