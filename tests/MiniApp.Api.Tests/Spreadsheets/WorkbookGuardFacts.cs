using System.IO.Compression;
using MiniApp.Api.Enterprises;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.Stations;
using MiniApp.Api.Surveys;
using MiniExcelLibs;

namespace MiniApp.Api.Tests.Spreadsheets;

public sealed class WorkbookGuardFacts
{
    private static readonly ImportLimits Defaults = new ImportsOptions().For(5_000);

    private static (WorkbookGuard Guard, ImportTooLargeException? Refusal) Check(byte[] file, ImportLimits? limits = null)
    {
        var guard = new WorkbookGuard(limits ?? Defaults);
        var refusal = Record.Exception(() => guard.Check(new MemoryStream(file)));
        Assert.True(refusal is null or ImportTooLargeException, refusal?.ToString());
        return (guard, refusal as ImportTooLargeException);
    }

    private static long UnpackedSize(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        return zip.Entries.Sum(e => e.Length);
    }

    [Fact]
    public void Check_StopsInflatingAtTheLimit_WhenAPartUnpacksToGibibytes()
    {
        var limits = Defaults with { MaxUnpackedBytes = 8 << 20, MaxCompressionRatio = int.MaxValue };

        var (guard, refusal) = Check(Workbooks.Whitespace(2, ""), limits);

        Assert.Equal(("bytes", 8L << 20), (refusal?.Unit, refusal?.Limit));
        Assert.Equal((8L << 20) + 1, guard.BytesInflated);
    }

    [Fact]
    public void Check_RefusesAnExtremeCompressionRatio_LongBeforeTheSizeLimit()
    {
        var (guard, refusal) = Check(Workbooks.Whitespace(2, ""));

        Assert.Equal(("ratio", 100L), (refusal?.Unit, refusal?.Limit));
        Assert.InRange(guard.BytesInflated, WorkbookGuard.RatioGrace, 8 << 20);
    }

    [Fact]
    public void Check_RefusesASheetOfTensOfMillionsOfRows_HavingInflatedNoMoreThanTheLimit()
    {
        var file = Workbooks.ManyRows(Workbooks.Row(null, "站点编码"), Workbooks.Row(null, "x"), 30_000_000);
        var limits = Defaults with { MaxCompressionRatio = int.MaxValue };

        var (guard, refusal) = Check(file, limits);

        Assert.Equal("bytes", refusal?.Unit);
        Assert.Equal(limits.MaxUnpackedBytes + 1, guard.BytesInflated);
    }

    [Fact]
    public void Check_CountsWhatItInflates_WhenTheZipDeclaresItSmall()
    {
        // The sheet claims 1 KiB and holds 2 GiB: a check that added up the claimed sizes would let it through.
        var sheet = Workbooks.Repeated("xl/worksheets/sheet1.xml", Workbooks.SheetHead(), new string(' ', 1 << 20), 2048, Workbooks.SheetTail)
            .Claiming(1024);
        var limits = Defaults with { MaxCompressionRatio = int.MaxValue };
        var guard = new WorkbookGuard(limits);

        // .NET 10 stops inflating a part at the size it declares, and the guard counts what came out: the claimed 1 KiB,
        // not the 2 GiB behind it (the XML then ends too soon, which reads as an unreadable file).
        var outcome = Record.Exception(() => guard.Check(new MemoryStream(Workbooks.Package(sheet))));

        Assert.True(outcome is null or System.Xml.XmlException, outcome?.ToString());
        Assert.InRange(guard.BytesInflated, 1, 64 * 1024); // the claimed 1 KiB and the package's other small parts
    }

    [Fact]
    public void Check_PassesAPackageThatDeclaresGigabytes_ButHoldsLittle()
    {
        var sheet = Workbooks.Sheet(Workbooks.Row(null, "站点编码", "站点名称")).Claiming(3_000_000_000);
        var file = Workbooks.Package(sheet, Workbooks.SharedStrings("桂山").Claiming(3_000_000_000));

        var (guard, refusal) = Check(file);

        Assert.Null(refusal);
        Assert.Equal(UnpackedSize(Workbooks.Package(Workbooks.Sheet(Workbooks.Row(null, "站点编码", "站点名称")), Workbooks.SharedStrings("桂山"))),
            guard.BytesInflated);
    }

    [Fact]
    public void Check_CountsEachSharedStringInEveryCellThatUsesIt()
    {
        var cells = string.Concat(Enumerable.Repeat("<c t=\"s\"><v>0</v></c>", 1_100));
        var file = Workbooks.Package(Workbooks.Sheet("<row>" + cells + "</row>"), Workbooks.SharedStrings(new string('_', 32_000)));
        Assert.True(file.Length < 20_000);

        var (guard, refusal) = Check(file);

        Assert.Equal(("characters", Defaults.MaxUnpackedBytes), (refusal?.Unit, refusal?.Limit));
        Assert.Equal(32_000L * ((Defaults.MaxUnpackedBytes / 32_000) + 1), guard.SharedTextCharacters);
    }

    [Fact]
    public void Check_RefusesMorePartsThanTheLimit()
    {
        var extra = Enumerable.Range(0, 20).Select(i => Workbooks.Text($"xl/media/image{i}.png", "x")).ToArray();

        var (_, refusal) = Check(Workbooks.Package(Workbooks.Sheet(""), null, extra), Defaults with { MaxParts = 16 });

        Assert.Equal(("parts", 16L), (refusal?.Unit, refusal?.Limit));
    }

    [Fact]
    public void Check_CallsAPartNamedTwiceUnreadable()
    {
        var file = Workbooks.Package(Workbooks.Sheet(""), null, Workbooks.Text("XL/Worksheets/Sheet1.xml", "<x/>"));

        Assert.Throws<InvalidDataException>(() => new WorkbookGuard(Defaults).Check(new MemoryStream(file)));
    }

    [Fact]
    public async Task Check_PassesTheFilesWeWrite_CountingEveryByteOfThem()
    {
        var station = (Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult)(await GetStationImportTemplate.Handle("xlsx", default)).Result;
        var form1 = EnterpriseSheets.Table(EnterpriseImportColumns.All.Select(c => c.Header),
            Enumerable.Range(1, 2_000).Select(i => EnterpriseImportColumns.All.Select((c, k) => (object?)(k == 0 ? i : $"{c.Header}{i}")).ToArray()));
        using var stations = new MemoryStream();
        stations.SaveAs(Enumerable.Range(1, 5_000).Select(i => StationImportColumns.All.ToDictionary(c => c.Header, c => (object?)(c.Example + i))),
            excelType: ExcelType.XLSX);
        byte[][] files =
        [
            station.FileContents.ToArray(),
            (await GetEnterpriseImportTemplate.Handle(default)).FileContents.ToArray(),
            (await GetSurveyImportTemplate.Handle(default)).FileContents.ToArray(),
            (await EnterpriseSheets.FileAsync(form1, "附件1", "form1.xlsx", default)).FileContents.ToArray(),
            stations.ToArray(),
        ];

        foreach (var file in files)
        {
            var (guard, refusal) = Check(file);
            Assert.Null(refusal);
            Assert.Equal(UnpackedSize(file), guard.BytesInflated);
        }
    }
}
