using System.Net.Http.Headers;
using MiniApp.Api.IntegrationTests.Coverage.Reports;
using MiniApp.Api.Surveys;
using MiniExcelLibs;

namespace MiniApp.Api.IntegrationTests.Surveys;

[Collection(StationsCollection.Name)]
public sealed class SurveyImportFacts(ApiFixture api)
{
    private static readonly object?[] Header =
        ["序号", "群体", "主管部门", "乡镇（街道）", "企业/平台/站点数", "其中已建会数", "从业人数", "已入会人数", "入会率", "本期新增会员", "覆盖方式", "备注"];

    private static MultipartFormDataContent Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        var width = rows.Max(r => r.Length);
        stream.SaveAs(rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => "c" + i, i => i < r.Length ? r[i] : null)).ToList(), printHeader: false);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "附件2.xlsx" } };
    }

    private static Dictionary<int, JsonElement> RowsOf(JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());

    private async Task<int> StoredAsync(string periodStart)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM group_surveys WHERE period_start = @periodStart", new { periodStart });
    }

    [Fact]
    public async Task Import_ReadsAttachment2ByChineseNames_DryRunFirst()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        object?[][] sheet =
        [
            ["货车司机等群体入会情况摸底统计表"],
            Header,
            [1, "货车司机", "县交通运输局", "桂山街道", 12, 5, 360, 999, "50%", 3, "行业建", "物流园区"],
            [2, "快递员", null, "古城街道", "6", "6", "80", null, null, null, "单独建会", null],
            [],
            ["合计", null, null, null, 18, 11, 440],
        ];

        var dryRun = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-01&dryRun=true", Xlsx(sheet))).AssertOkJsonAsync();
        Assert.Equal((true, false, 2), (dryRun.GetProperty("dryRun").GetBoolean(), dryRun.GetProperty("saved").GetBoolean(), dryRun.GetProperty("created").GetInt32()));
        Assert.Equal(0, await StoredAsync("2034-06-01"));

        var result = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-01", Xlsx(sheet))).AssertOkJsonAsync();

        Assert.Equal((true, 2, 0), (result.GetProperty("saved").GetBoolean(), result.GetProperty("created").GetInt32(), result.GetProperty("failed").GetInt32()));
        var rows = RowsOf(result);
        Assert.Equal([3, 4], rows.Keys);
        Assert.Equal(("530427001", "truck_driver", "created"), (rows[3].GetProperty("township").GetString(), rows[3].GetProperty("group").GetString(),
            rows[3].GetProperty("result").GetString()));
        await using var db = await api.Database.OpenAsync();
        var stored = (await db.QueryAsync<(string Township, string Group, int Workers, int Units, int UnitsWithUnion, string Mode, string? Note)>(
            "SELECT township_code, worker_group_code, workers, units, units_with_union, coverage_mode, note FROM group_surveys WHERE period_start = '2034-06-01' ORDER BY township_code"))
            .ToList();
        Assert.Equal([("530427001", "truck_driver", 360, 12, 5, "industry", "物流园区"), ("530427002", "courier", 80, 6, 6, "single", null)], stored);

        var again = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-01", Xlsx(sheet))).AssertOkJsonAsync();
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Import_WritesNothing_WhenARowIsBad_AndExplainsEachBadRowByColumn()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);
        object?[][] sheet =
        [
            Header,
            [1, "货车司机", null, "桂山街道", 12, 5, 360],
            [2, "飞行员", null, "月球镇", "很多", 1, -1, null, null, null, "随便建"],
            [3, "货车司机", null, "530427001", 1, 1, 1],
            [4, "保安员", null, "漠沙镇", 3, 4, 50],
        ];

        var result = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-02", Xlsx(sheet))).AssertOkJsonAsync();

        Assert.Equal((false, 3), (result.GetProperty("saved").GetBoolean(), result.GetProperty("failed").GetInt32()));
        var rows = RowsOf(result);
        Assert.Equal("created", rows[2].GetProperty("result").GetString());
        var bad = rows[3].GetProperty("errors");
        foreach (var column in new[] { "群体", "乡镇(街道)", "企业/平台/站点数", "从业人数", "覆盖方式" })
            Assert.True(bad.TryGetProperty(column, out _), column);
        Assert.Equal(["企业/平台/站点数须为整数"], bad.GetProperty("企业/平台/站点数").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("第2行", rows[4].GetProperty("errors").GetProperty("群体")[0].GetString());
        Assert.True(rows[5].GetProperty("errors").TryGetProperty("其中已建会数", out _));
        Assert.Equal(0, await StoredAsync("2034-06-02"));
    }

    [Fact]
    public async Task Import_RefusesRowsOutOfTheCallersScope()
    {
        using var guishan = await api.StaffAsync(StaffRoles.UnionReviewer, 2);

        var result = await (await guishan.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-03",
            Xlsx(Header, [1, "货车司机", null, "桂山街道", 1, 1, 10], [2, "货车司机", null, "古城街道", 1, 1, 10]))).AssertOkJsonAsync();

        Assert.Equal((false, 1), (result.GetProperty("saved").GetBoolean(), result.GetProperty("failed").GetInt32()));
        Assert.True(RowsOf(result)[3].GetProperty("errors").TryGetProperty("乡镇(街道)", out _));
        Assert.Equal(0, await StoredAsync("2034-06-03"));
    }

    [Fact]
    public async Task Import_RefusesAFileWithoutTheRequiredColumns_OrWithoutAPeriod()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var missing = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-04",
            Xlsx(["群体", "乡镇(街道)", "从业人数"], ["货车司机", "桂山街道", 10]))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("企业/平台/站点数", missing.GetProperty("detail").GetString());
        await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-04", Xlsx(["名称", "地址"], ["a", "b"])))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsync("/api/staff/surveys/groups/import", Xlsx(Header))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Template_HasTheColumnsOfAttachment2_AndImportsAsItIs()
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var response = await admin.GetAsync("/api/staff/surveys/groups/import-template");
        var content = await response.Content.ReadAsByteArrayAsync();

        var rows = CoverageWorkbookFacts.Sheet(content, GetSurveyImportTemplate.SheetName);
        Assert.Equal(SurveyImportColumns.All.Select(c => c.Header), rows[1].Select(c => c?.ToString()));
        var file = new ByteArrayContent(content);
        var result = await (await admin.PostAsync("/api/staff/surveys/groups/import?periodStart=2034-06-05&dryRun=true",
            new MultipartFormDataContent { { file, "file", "template.xlsx" } })).AssertOkJsonAsync();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
    }
}
