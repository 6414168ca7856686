using MiniApp.Api.Coverage.Reports;
using MiniExcelLibs;

namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

[Collection(CoverageCollection.Name)]
public sealed class CoverageWorkbookFacts(ApiFixture api)
{
    internal static List<object?[]> Sheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
    }

    private static long Number(object? cell) => Convert.ToInt64(cell, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpResponseMessage Response, byte[] Content)> DownloadAsync(string by)
    {
        await MarchFigures.SeedAsync(api);
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        var response = await admin.GetAsync($"/api/staff/reports/coverage.xlsx?date={MarchFigures.Date}&from={MarchFigures.From}&by={by}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ByGroup_LaysTheWorkerSheetOutLikeAttachment2_WithTitleNoteAndTotal()
    {
        var (response, content) = await DownloadAsync("group");

        Assert.Equal("入会建会情况统计表-2034-03-10.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using (var stream = new MemoryStream(content)) Assert.Equal(["职工入会", "企业建会"], stream.GetSheetNames());
        var rows = Sheet(content, "职工入会");
        Assert.Equal(3 + 12 + 1, rows.Count);
        Assert.Contains("截至2034年3月10日", (string)rows[0][0]!);
        Assert.Contains("2034年3月8日至2034年3月10日", (string)rows[0][0]!);
        Assert.Contains("分母为摸底群体从业人数", (string)rows[1][0]!);
        Assert.Equal(CoverageWorkbook.WorkerHeaders, rows[2].Select(c => c?.ToString()));

        var truck = rows[3];
        Assert.Equal(["1", "货车司机", "县交通运输局", "全县"], truck[..4].Select(c => c?.ToString()));
        Assert.Equal([22L, 10L], truck[4..6].Select(Number));
        Assert.Equal("45.45%", truck[6]);
        Assert.Equal([500L, 210L, 210L], truck[7..10].Select(Number));
        Assert.Equal(("42.00%", "18.00%"), (truck[10], truck[11]));
        Assert.Equal([7L, 9L, 9L, 2L, 0L, 2L, 10L], truck[12..19].Select(Number));
        var care = rows.Single(r => (r[1] as string) == "护工护理员");
        Assert.Equal("县卫生健康局、县民政局", care[2]);
        var other = rows.Single(r => (r[1] as string) == "其他");
        Assert.Equal(("未指定部门", 0L, null, null), (other[2], Number(other[9]), other[10], other[17]));

        var total = rows[^1];
        Assert.Equal("合计", total[1]);
        Assert.Equal([650L, 295L, 290L], total[7..10].Select(Number));   // 扬武's 5 members of 其他 have no survey
        Assert.Equal(("44.62%", "15.38%"), (total[10], total[11]));

        var enterprises = Sheet(content, "企业建会");
        Assert.Equal(4, enterprises.Count);   // by group: the total only
        Assert.Contains("分母为百人以上企业", (string)enterprises[1][0]!);
        Assert.Equal(CoverageWorkbook.EnterpriseHeaders("group"), enterprises[2].Select(c => c?.ToString()));
        Assert.Equal("合计", enterprises[3][1]);
        Assert.Equal([10L, 5L, 2L], enterprises[3][2..5].Select(Number));
        Assert.Equal(("50.00%", "10.00%", "74.00%"), (enterprises[3][5], enterprises[3][6], enterprises[3][10]));
    }

    [Fact]
    public async Task ByTownship_GivesAnEnterpriseRowPerTownship_WithTheKeyCategories()
    {
        var (_, content) = await DownloadAsync("township");

        var workers = Sheet(content, "职工入会");
        var guishan = workers.Single(r => (r[3] as string) == "桂山街道");
        Assert.Equal(("全部群体", 300L, 160L, "53.33%"), (guishan[1], Number(guishan[7]), Number(guishan[8]), guishan[10]));

        var enterprises = Sheet(content, "企业建会");
        Assert.Equal(3 + 12 + 1, enterprises.Count);
        Assert.Equal("乡镇(街道)", enterprises[2][1]);
        var row = enterprises.Single(r => (r[1] as string) == "桂山街道");
        Assert.Equal([5L, 2L, 1L], row[2..5].Select(Number));
        Assert.Equal("40.00%", row[5]);
        Assert.Equal([2L, 1L], row[11..13].Select(Number));   // 各级人大代表和政协委员所在企业
        Assert.Equal("50.00%", row[13]);
    }
}
