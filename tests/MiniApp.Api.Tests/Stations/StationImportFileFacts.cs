using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.Stations;
using MiniExcelLibs;

namespace MiniApp.Api.Tests.Stations;

public sealed class StationImportFileFacts
{
    private const string Header = "站点编码,站点名称,类型,地址,区划代码,纬度,经度,服务设施";
    private static readonly ImportLimits Limits = new ImportsOptions().For(5_000);

    static StationImportFileFacts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Csv_InGbk_ReadsChinese_AndRowNumbersSkipNothing()
    {
        var csv = Header + "\r\nXP1,桂山驿站,工会驿站,桂山街道,530427001,24.07,101.99,饮水、充电\r\n\r\nXP2,者竜驿站,其他,者竜乡,530427204,23.9,101.7,\r\n";

        var sheet = StationImportFile.Read(Encoding.GetEncoding("GB18030").GetBytes(csv), "stations.csv", Limits);

        Assert.Empty(sheet.MissingColumns);
        Assert.Equal([2, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal("桂山驿站", sheet.Rows[0]["name"]);
        Assert.Equal("饮水、充电", sheet.Rows[0]["facilities"]);
        Assert.Equal("者竜驿站", sheet.Rows[1]["name"]);
        Assert.Null(sheet.Rows[1]["facilities"]);
    }

    [Fact]
    public void Csv_InUtf8WithBom_MatchesHeadersByChineseOrFieldName()
    {
        var csv = "\uFEFFcode,站点名称*,type,地址（必填）,regionCode,latitude,longitude,备注\nXP3,驿站,union_post,某地,530427001,24.1,102,随便写\n";

        var sheet = StationImportFile.Read(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv[1..])).ToArray(), "a.csv", Limits);

        Assert.Empty(sheet.MissingColumns);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal("XP3", row["code"]);
        Assert.Equal("驿站", row["name"]);
        Assert.Equal("某地", row["address"]);
        Assert.Equal("24.1", row["latitude"]);
    }

    [Fact]
    public void MissingRequiredColumns_AreNamed()
    {
        var sheet = StationImportFile.Read(Encoding.UTF8.GetBytes("站点编码,站点名称\nXP1,驿站\n"), "a.csv", Limits);

        Assert.Equal(["类型", "地址", "区划代码", "纬度", "经度"], sheet.MissingColumns);
    }

    [Fact]
    public void Xlsx_NumericCellsBecomePlainText_AndBlankRowsKeepTheirNumbers()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["站点编码"] = "XP1", ["站点名称"] = "驿站", ["类型"] = "工会驿站", ["地址"] = "某地", ["区划代码"] = 530427001, ["纬度"] = 24.070512, ["经度"] = 101.990334 },
            new() { ["站点编码"] = null, ["站点名称"] = null, ["类型"] = null, ["地址"] = null, ["区划代码"] = null, ["纬度"] = null, ["经度"] = null },
            new() { ["站点编码"] = "XP2", ["站点名称"] = "驿站2", ["类型"] = "其他", ["地址"] = "某地", ["区划代码"] = "530427002", ["纬度"] = 24, ["经度"] = 102 },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);

        var sheet = StationImportFile.Read(stream.ToArray(), "stations.xlsx", Limits);

        Assert.Equal([2, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal("530427001", sheet.Rows[0]["regionCode"]);
        Assert.Equal("24.070512", sheet.Rows[0]["latitude"]);
        Assert.Equal("24", sheet.Rows[1]["latitude"]);
    }

    [Fact]
    public void Csv_ShortRowsReadAsEmptyCells_AndFormulaQuotesComeOff()
    {
        var csv = Header + "\nXP1,驿站\nXP2,\"'=HYPERLINK(\"\"http://x\"\")\",工会驿站,某地,530427001,24,102,饮水\n";

        var sheet = StationImportFile.Read(Encoding.UTF8.GetBytes(csv), "a.csv", Limits);

        Assert.Equal([2, 3], sheet.Rows.Select(r => r.Number));
        Assert.Equal("驿站", sheet.Rows[0]["name"]);
        Assert.Null(sheet.Rows[0]["type"]);
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Rows[1]["name"]);
    }
}
