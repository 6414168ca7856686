using System.Net.Http.Headers;
using MiniExcelLibs;

namespace MiniApp.Api.IntegrationTests.Stations;

[Collection(StationsCollection.Name)]
public sealed class StationImportFacts(ApiFixture api)
{
    public const string Header = "站点编码,站点名称,类型,地址,区划代码,纬度,经度,服务设施,开放时间,非开放时间进入方式,联系电话,所属工会,状态,照片链接";

    public static MultipartFormDataContent Csv(string text, string fileName = "stations.csv", Encoding? encoding = null) =>
        File((encoding ?? Encoding.UTF8).GetBytes(text), fileName, "text/csv");

    private static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static Dictionary<int, JsonElement> RowsOf(JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());

    [Fact]
    public async Task Import_WritesTheGoodRows_AndExplainsEachBadOne()
    {
        using var admin = await api.StaffClientAsync(StaffRoles.UnionReviewer, 2);
        var existing = StationKit.NewCode();
        await admin.CreateAsync(StationKit.Body(existing, StationKit.Offset(StationKit.NewPlace(), 0, 0), name: "旧名字"));
        var (fresh, duplicate, outOfScope) = (StationKit.NewCode(), StationKit.NewCode(), StationKit.NewCode());
        using (var gucheng = await api.StaffClientAsync(StaffRoles.UnionReviewer, 3))
            await gucheng.CreateAsync(StationKit.Body(outOfScope, StationKit.Offset(StationKit.NewPlace(), 0, 0)));
        var csv = string.Join("\r\n",
            Header,
            $"{fresh},新驿站,工会驿站,桂山街道1号,530427001,24.07,101.98,饮水、充电,周一至周五 08:00-18:00；周六 09:00-12:00,扫码,0877-7011111,xp-guishan,,",
            $"{existing},改过的名字,司机之家,桂山街道2号,530427001,24.08,101.99,饮水,24小时,,,,暂停服务,https://example.invalid/a.jpg",
            "",
            $"{duplicate},,飞机场,x,123,abc,101.99,飞机,周八 08:00-18:00,飞,,nobody,x,http://a",
            $"{fresh},重复的编码,工会驿站,x,530427001,24,101.99,,,,,,,",
            $"{outOfScope},别人的站点,工会驿站,x,530427001,24,101.99,,,,,,,",
            $"{StationKit.NewCode()},别的工会,工会驿站,x,530427001,24,101.99,,,,,xp-gucheng,,");

        var dryRun = await (await admin.PostAsync("/api/staff/stations/import?dryRun=true", Csv(csv))).AssertOkJsonAsync();
        await using var db = await api.Database.OpenAsync();
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM stations WHERE code = @fresh", new { fresh }));

        var result = await (await admin.PostAsync("/api/staff/stations/import", Csv(csv))).AssertOkJsonAsync();

        Assert.Equal((1, 1, 4), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("failed").GetInt32()));
        var rows = RowsOf(result);
        Assert.Equal("created", rows[2].GetProperty("result").GetString());
        Assert.Equal("updated", rows[3].GetProperty("result").GetString());
        Assert.False(rows.ContainsKey(4));   // the blank line
        var bad = rows[5].GetProperty("errors");
        foreach (var column in new[] { "站点名称", "类型", "区划代码", "纬度", "服务设施", "开放时间", "非开放时间进入方式", "所属工会", "状态", "照片链接" })
            Assert.True(bad.TryGetProperty(column, out _), column);
        Assert.Contains("第2行", rows[6].GetProperty("errors").GetProperty("站点编码")[0].GetString());
        Assert.True(rows[7].GetProperty("errors").TryGetProperty("站点编码", out _));
        Assert.True(rows[8].GetProperty("errors").TryGetProperty("所属工会", out _));
        Assert.Equal(dryRun.GetProperty("rows").ToString(), result.GetProperty("rows").ToString());

        var created = await db.QuerySingleAsync<(string Facilities, string OpeningHours, long OwningUnionId, string Status)>(
            "SELECT facilities, opening_hours, owning_union_id, status FROM stations WHERE code = @fresh", new { fresh });
        Assert.Equal("""["drinking_water","charging"]""", created.Facilities);
        Assert.Contains("\"days\":[6],\"open\":\"09:00\",\"close\":\"12:00\"", created.OpeningHours);
        Assert.Contains("\"afterHoursAccess\":\"scan_qr\"", created.OpeningHours);
        Assert.Equal((2L, "active"), (created.OwningUnionId, created.Status));
        var updated = await db.QuerySingleAsync<(string Name, string Status, string PhotoUrls)>(
            "SELECT name, status, photo_urls FROM stations WHERE code = @existing", new { existing });
        Assert.Equal(("改过的名字", "suspended", """["https://example.invalid/a.jpg"]"""), updated);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM stations WHERE name = '别人的站点'"));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log a JOIN stations s ON s.id = a.entity_id WHERE a.entity_type = 'station' AND a.detail LIKE '%import%' AND s.code IN (@fresh, @existing)",
            new { fresh, existing }));

        var again = await (await admin.PostAsync("/api/staff/stations/import", Csv(csv))).AssertOkJsonAsync();
        Assert.Equal("unchanged", RowsOf(again)[3].GetProperty("result").GetString());
    }

    [Fact]
    public async Task Import_ReadsXlsx_AndExcelsGbkCsv_AndTheTemplateImportsAsIs()
    {
        using var admin = await api.StaffClientAsync();
        var xlsxCode = StationKit.NewCode();
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?>
            {
                ["站点编码"] = xlsxCode, ["站点名称"] = "表格驿站", ["类型"] = "职工之家", ["地址"] = "某地", ["区划代码"] = 530427002,
                ["纬度"] = 24.061808, ["经度"] = 101.979215, ["服务设施"] = "WiFi,母婴室", ["联系电话"] = 13800000000,
            },
        }, excelType: ExcelType.XLSX);
        var xlsx = await (await admin.PostAsync("/api/staff/stations/import",
            File(stream.ToArray(), "stations.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).AssertOkJsonAsync();
        Assert.Equal(1, xlsx.GetProperty("created").GetInt32());
        var gbkCode = StationKit.NewCode();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = await (await admin.PostAsync("/api/staff/stations/import", Csv(
            Header + $"\r\n{gbkCode},者竜乡驿站,工会驿站,者竜乡,530427204,23.9,101.7,,,,,,,\r\n", encoding: Encoding.GetEncoding("GB18030")))).AssertOkJsonAsync();
        Assert.Equal(1, gbk.GetProperty("created").GetInt32());

        await using var db = await api.Database.OpenAsync();
        Assert.Equal(("表格驿站", "530427002", """["wifi","nursing_room"]""", "13800000000"),
            await db.QuerySingleAsync<(string, string, string, string)>("SELECT name, region_code, facilities, phone FROM stations WHERE code = @xlsxCode", new { xlsxCode }));
        Assert.Equal("者竜乡驿站", await db.ExecuteScalarAsync<string>("SELECT name FROM stations WHERE code = @gbkCode", new { gbkCode }));

        foreach (var format in new[] { "xlsx", "csv" })
        {
            var template = await admin.GetAsync($"/api/staff/stations/import-template?format={format}");
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            var check = await (await admin.PostAsync("/api/staff/stations/import?dryRun=true",
                File(await template.Content.ReadAsByteArrayAsync(), "template." + format, "application/octet-stream"))).AssertOkJsonAsync();
            var row = Assert.Single(check.GetProperty("rows").EnumerateArray());
            Assert.True(row.GetProperty("result").GetString() is "created" or "updated" or "unchanged", row.ToString());
        }
    }

    [Theory]
    [InlineData("站点编码,站点名称\nX1,驿站\n", "缺少必填列")]
    [InlineData("", "请上传")]
    public async Task Import_RefusesAFileItCannotUse(string csv, string message)
    {
        using var admin = await api.StaffClientAsync();

        var problem = await (await admin.PostAsync("/api/staff/stations/import", Csv(csv))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }
}
