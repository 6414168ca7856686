using System.Net.Http.Headers;
using MiniApp.Api.Tests.Spreadsheets;

namespace MiniApp.Api.IntegrationTests.Imports;

/// <summary>
/// Uploads that are small but would be big work, sent to the three imports: each is refused with import_too_large
/// (or read within bounds) before its rows are. The bombs are built here, at run time, by <see cref="Workbooks"/>.
/// </summary>
[Collection(StationsCollection.Name)]
public sealed class ImportLimitsFacts(ApiFixture api)
{
    public sealed record Import(string Url, string[] Header, int MaxRows)
    {
        public override string ToString() => Url;
    }

    private static readonly Dictionary<string, Import> Imports = new()
    {
        ["stations"] = new("/api/staff/stations/import?dryRun=true", ["站点编码", "站点名称", "类型", "地址", "区划代码", "纬度", "经度"], 5_000),
        ["enterprises"] = new("/api/staff/enterprises/import?dryRun=true", ["乡镇(街道)", "企业名称", "统一社会信用代码"], 2_000),
        ["surveys"] = new("/api/staff/surveys/groups/import?periodStart=2035-01-01&dryRun=true",
            ["群体", "乡镇(街道)", "企业/平台/站点数", "其中已建会数", "从业人数"], 1_000),
    };

    public static TheoryData<string> AllImports => ["stations", "enterprises", "surveys"];

    private async Task<HttpResponseMessage> UploadAsync(string import, byte[] file, string fileName = "bomb.xlsx")
    {
        var (username, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var admin = api.CreateClient(await api.StaffTokenAsync(username));
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await admin.PostAsync(Imports[import].Url, new MultipartFormDataContent { { content, "file", fileName } });
    }

    private static string HeaderRow(string import, int? r = null) => Workbooks.Row(r, Imports[import].Header);

    private static async Task<JsonElement> AssertTooLargeAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "import_too_large");
        Assert.True(problem.GetProperty("limit").GetInt64() > 0, problem.ToString());
        return problem;
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_RefusesASheetOfTensOfMillionsOfRows(string import)
    {
        var file = Workbooks.ManyRows(HeaderRow(import), Workbooks.Row(null, "x"), 30_000_000);
        Assert.True(file.Length < 5 << 20);

        await AssertTooLargeAsync(await UploadAsync(import, file));
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_RefusesGibibytesOfWhitespace(string import)
    {
        var file = Workbooks.Whitespace(2, HeaderRow(import));
        Assert.True(file.Length < 5 << 20);

        await AssertTooLargeAsync(await UploadAsync(import, file));
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_JudgesAWorkbookByWhatItHolds_NotByTheSizesItDeclares(string import)
    {
        // Every part claims 3 GB; what they hold is a header and one row, whose cell names another part as MiniExcel's
        // "embedded file" marker: a reader that trusted the claimed size would size a buffer by it.
        var sheet = Workbooks.Sheet(HeaderRow(import) + Workbooks.Row(null, "@@@fileid@@@,xl/worksheets/sheet1.xml", "x", "x", "x", "x"))
            .Claiming(3_000_000_000);

        var result = await (await UploadAsync(import, Workbooks.Package(sheet))).AssertOkJsonAsync();

        var row = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_RefusesOneRowOverItsLimit_NamingTheLimit(string import)
    {
        var limit = Imports[import].MaxRows;
        var rows = Enumerable.Range(2, limit + 1).Select(r => Workbooks.Row(r, $"桂山街道{r}", $"企业{r}", $"X{r}", "1", "1", "1", "1"));
        var file = Workbooks.Package(Workbooks.Sheet(HeaderRow(import, 1) + string.Concat(rows)));

        var problem = await AssertTooLargeAsync(await UploadAsync(import, file));

        Assert.Equal(limit, problem.GetProperty("limit").GetInt32());
        Assert.Contains(limit.ToString(), problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_RefusesBlankRowsPastItsLimit_WhenASheetClaimsEveryRowAndColumn(string import)
    {
        // Two rows of XML: the header and the last row a sheet can have, under a dimension of every column. A reader
        // that fills the gap makes a million rows, each as wide as the dimension.
        var file = Workbooks.Package(Workbooks.Sheet(HeaderRow(import, 1) + Workbooks.Row(1_048_576, "x"), dimension: "A1:XFD1048576"));

        await AssertTooLargeAsync(await UploadAsync(import, file));
    }

    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Import_RefusesSharedStringsThatMultiply(string import)
    {
        // One shared string of 32,000 characters, used by half a million cells: 16 billion characters from a few kilobytes.
        var cells = string.Concat(Enumerable.Repeat("<c t=\"s\"><v>0</v></c>", 25));
        var sheet = Workbooks.Repeated("xl/worksheets/sheet1.xml", Workbooks.SheetHead() + HeaderRow(import),
            Workbooks.Mebibyte("<row>" + cells + "</row>"), 12, Workbooks.SheetTail);
        var file = Workbooks.Package(sheet, Workbooks.SharedStrings(new string('_', 32_000)));

        await AssertTooLargeAsync(await UploadAsync(import, file));
    }

    [Fact]
    public async Task StationImport_RefusesACsvOneRowOverTheLimit()
    {
        var lines = Enumerable.Range(1, 5_001).Select(i => $"XPOVER{i},驿站,工会驿站,桂山街道1号,530427001,24.07,101.98");
        var csv = string.Join("\r\n", [string.Join(",", Imports["stations"].Header), .. lines]);

        var problem = await AssertTooLargeAsync(await UploadAsync("stations", Encoding.UTF8.GetBytes(csv), "stations.csv"));

        Assert.Equal(5_000, problem.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task StationImport_RefusesACsvWhoseBlankLinesWouldEachBecomeAsWideAsItsHeader()
    {
        var csv = string.Join(",", Imports["stations"].Header) + new string(',', 1_000_000) + "\n" + new string('\n', 3_900_000);

        var problem = await AssertTooLargeAsync(await UploadAsync("stations", Encoding.UTF8.GetBytes(csv), "stations.csv"));

        Assert.Equal(5_000, problem.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task StationImport_ReadsACsvWhoseHeaderRunsToAMillionColumns()
    {
        var csv = string.Join(",", Imports["stations"].Header) + new string(',', 1_000_000) + "\r\n"
            + "XPWIDE1,宽表驿站,工会驿站,桂山街道1号,530427001,24.07,101.98\r\n";

        var result = await (await UploadAsync("stations", Encoding.UTF8.GetBytes(csv), "stations.csv")).AssertOkJsonAsync();

        var row = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.NotEqual("failed", row.GetProperty("result").GetString());
    }
}
