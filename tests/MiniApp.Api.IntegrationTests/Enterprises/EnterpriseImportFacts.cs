using MiniExcelLibs;

namespace MiniApp.Api.IntegrationTests.Enterprises;

[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseImportFacts(ApiFixture api)
{
    private static Dictionary<string, object?> Row(string name, string creditCode, string township = "桂山街道", string department = "县交通运输局",
        string established = "否") => new()
        {
            ["序号"] = 1, ["乡镇(街道)"] = township, ["企业名称"] = name, ["统一社会信用代码"] = creditCode, ["企业类型/所有制"] = "私营",
            ["行业"] = "制造业", ["地址"] = "新平县示例路2号", ["法定代表人"] = "李法人", ["联系人"] = "王联系", ["联系电话"] = "",
            ["职工人数"] = 150, ["其中女职工"] = 50, ["其中农民工"] = 80, ["是否建会"] = established, ["建会时间"] = "", ["工会名称"] = "",
            ["工会主席"] = "", ["会员人数"] = 0, ["未建会原因"] = "", ["计划建会时间"] = "2019年9月", ["责任部门"] = department,
            ["挂联领导/单位"] = "县总工会", ["是否在工业园区"] = "否", ["人大代表政协委员所在企业"] = "是", ["云南省百户优强民营企业"] = "",
            ["云南省百名优秀企业家所在企业"] = "否", ["玉溪市重点培育工业企业"] = "", ["备注"] = "",
        };

    private static Dictionary<int, JsonElement> RowsOf(JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());

    private async Task<int> CountAsync(params string[] codes)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM enterprises WHERE credit_code IN @codes", new { codes });
    }

    [Fact]
    public async Task Import_GoodFile_CreatesAndUpdatesByCreditCode_AndDryRunWritesNothing()
    {
        using var admin = await api.StaffClientAsync();
        var existingCode = TestEnterprises.NextCreditCode();
        var existing = await admin.CreateEnterpriseAsync(EnterpriseKit.Body("导入前的名字", existingCode, phone: TestPeople.NewPhone()));
        var (fresh, established) = (TestEnterprises.NextCreditCode(), TestEnterprises.NextCreditCode());
        var phone = TestPeople.NewPhone();
        var rows = new[]
        {
            Row("导入新企业", fresh) .With("联系电话", phone),
            Row("导入后的名字", existingCode.ToLowerInvariant(), township: "古城街道", department: "transport"),
            Row("导入已建会企业", established, established: "是").With("建会时间", "2019年6月18日").With("工会名称", "导入已建会企业工会")
                .With("会员人数", 120).With("是否在工业园区", "是"),
        };

        var dryRun = await (await admin.PostAsync("/api/staff/enterprises/import?dryRun=true", EnterpriseKit.Xlsx(rows))).AssertOkJsonAsync();
        Assert.Equal((true, false, 2, 1, 0), (dryRun.GetProperty("dryRun").GetBoolean(), dryRun.GetProperty("applied").GetBoolean(),
            dryRun.GetProperty("created").GetInt32(), dryRun.GetProperty("updated").GetInt32(), dryRun.GetProperty("failed").GetInt32()));
        Assert.Equal(0, await CountAsync(fresh, established));

        var result = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx(rows))).AssertOkJsonAsync();

        Assert.True(result.GetProperty("applied").GetBoolean());
        var byRow = RowsOf(result);
        Assert.Equal(["created", "updated", "created"], new[] { 2, 3, 4 }.Select(n => byRow[n].GetProperty("result").GetString()));
        Assert.DoesNotContain(phone, result.ToString());
        await using var db = await api.Database.OpenAsync();
        var created = await db.QuerySingleAsync<(string Township, string Department, int Staff, bool Npc, DateTime Planned, string Masked)>(
            "SELECT township_code, department_code, staff_count, key_npc_cppcc, planned_on, contact_phone_masked FROM enterprises WHERE credit_code = @fresh",
            new { fresh });
        Assert.Equal((EnterpriseKit.Guishan, "transport", 150, true, new DateTime(2019, 9, 30)), (created.Township, created.Department, created.Staff,
            created.Npc, created.Planned));
        Assert.Equal(phone[..3] + "****" + phone[7..], created.Masked);
        var updated = await db.QuerySingleAsync<(long Id, string Name, string Township, string Masked)>(
            "SELECT id, name, township_code, contact_phone_masked FROM enterprises WHERE credit_code = @existingCode", new { existingCode });
        Assert.Equal((existing.GetProperty("id").GetInt64(), "导入后的名字", EnterpriseKit.Gucheng), (updated.Id, updated.Name, updated.Township));
        Assert.Equal(existing.GetProperty("contactPhoneMasked").GetString(), updated.Masked);   // an empty cell keeps the number
        var union = await db.QuerySingleAsync<(string Status, DateTime On, long ParentId, string UnionName)>("""
            SELECT e.union_status, e.union_established_on, o.parent_id, o.name FROM enterprises e JOIN organizations o ON o.id = e.union_id
            WHERE e.credit_code = @established
            """, new { established });
        Assert.Equal(("established", new DateTime(2019, 6, 18), EnterpriseKit.ParkFederation, "导入已建会企业工会"), union);
        Assert.Equal(3, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log a JOIN enterprises e ON e.id = a.entity_id WHERE a.entity_type = 'enterprise' AND a.detail LIKE '%import%' AND e.credit_code IN @codes",
            new { codes = new[] { fresh, existingCode, established } }));

        var again = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx(rows))).AssertOkJsonAsync();
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Import_WithABadRow_WritesNothing_AndExplainsEachBadRow()
    {
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);
        using var admin = await api.StaffClientAsync();
        var outOfScope = TestEnterprises.NextCreditCode();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body("古城的企业", outOfScope, township: EnterpriseKit.Gucheng));
        var good = TestEnterprises.NextCreditCode();
        var rows = new[]
        {
            Row("好的一行", good),
            Row("坏代码", good[..17] + (good[17] == '0' ? '1' : '0')),
            Row("", TestEnterprises.NextCreditCode(), township: "火星乡", department: "宇宙局").With("职工人数", "很多").With("是否建会", "也许")
                .With("计划建会时间", "明年").With("是否在工业园区", "大概"),
            Row("别乡的企业", TestEnterprises.NextCreditCode(), township: "古城街道"),
            Row("已登记在古城", outOfScope),
            Row("重复代码", good),
            Row("已建会没日期", TestEnterprises.NextCreditCode(), established: "是"),
        };

        var result = await (await guishan.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx(rows))).AssertOkJsonAsync();

        Assert.False(result.GetProperty("applied").GetBoolean());
        Assert.Equal(6, result.GetProperty("failed").GetInt32());
        var byRow = RowsOf(result);
        Assert.Equal("created", byRow[2].GetProperty("result").GetString());
        Assert.Contains("校验不通过", byRow[3].GetProperty("errors").GetProperty("统一社会信用代码")[0].GetString());
        foreach (var column in new[] { "企业名称", "乡镇(街道)", "责任部门", "职工人数", "是否建会", "计划建会时间", "是否在工业园区" })
            Assert.True(byRow[4].GetProperty("errors").TryGetProperty(column, out _), column);
        Assert.True(byRow[5].GetProperty("errors").TryGetProperty("乡镇(街道)", out _));
        Assert.Equal([MiniApp.Api.Enterprises.ImportEnterprises.OutOfScope], byRow[6].GetProperty("errors").GetProperty("统一社会信用代码").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(byRow[6].GetProperty("errors").EnumerateObject());
        Assert.Contains("第2行", byRow[7].GetProperty("errors").GetProperty("统一社会信用代码")[0].GetString());
        Assert.True(byRow[8].GetProperty("errors").TryGetProperty("建会时间", out _));
        Assert.Equal(0, await CountAsync(good));
        await using var db = await api.Database.OpenAsync();
        Assert.Equal("古城的企业", await db.ExecuteScalarAsync<string>("SELECT name FROM enterprises WHERE credit_code = @outOfScope", new { outOfScope }));
    }

    [Fact]
    public async Task Import_RefusesGoingBackFromEstablished_PerRow()
    {
        using var admin = await api.StaffClientAsync();
        var code = TestEnterprises.NextCreditCode();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body("已建会的企业", code).With("unionStatus", "established").With("unionEstablishedOn", "2019-05-01"));

        var kept = await (await admin.PostAsync("/api/staff/enterprises/import?dryRun=true",
            EnterpriseKit.Xlsx([Row("已建会的企业", code).With("是否建会", "")]))).AssertOkJsonAsync();
        var back = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx([Row("已建会的企业", code)]))).AssertOkJsonAsync();

        Assert.Equal(0, kept.GetProperty("failed").GetInt32());
        Assert.Contains("已建会", RowsOf(back)[2].GetProperty("errors").GetProperty("是否建会")[0].GetString());
    }

    [Fact]
    public async Task Template_HasTheHeaderRow_AndAFileWithTitleRowsAboveItsHeaderImports()
    {
        using var admin = await api.StaffClientAsync();
        var template = await admin.GetAsync("/api/staff/enterprises/import-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        var header = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["序号", "乡镇(街道)", "企业名称", "统一社会信用代码"], header.Take(4));
        Assert.Contains("玉溪市重点培育工业企业", header);
        Assert.Contains("是否在工业园区", header);

        var code = TestEnterprises.NextCreditCode();
        using var titled = new MemoryStream();
        titled.SaveAs(new object?[][]
        {
            ["2019年百人以上企业建会情况摸底统计表", null, null, null], ["填报单位：桂山街道总工会", null, null, null],
            ["乡镇（街道）", "企业名称", "统一社会信用代码", "职工人数"], ["桂山", "带标题的企业", code, "230人"],
        }.Select(r => new Dictionary<string, object?> { ["A"] = r[0], ["B"] = r[1], ["C"] = r[2], ["D"] = r[3] }), printHeader: false);
        var result = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.File(titled.ToArray(), "附件1.xlsx"))).AssertOkJsonAsync();

        Assert.Equal(4, RowsOf(result).Keys.Single());
        Assert.True(result.GetProperty("applied").GetBoolean(), result.ToString());
        await using var db = await api.Database.OpenAsync();
        Assert.Equal((230, EnterpriseKit.Guishan), await db.QuerySingleAsync<(int, string)>(
            "SELECT staff_count, township_code FROM enterprises WHERE credit_code = @code", new { code }));
    }

    [Theory]
    [InlineData("not a spreadsheet", "无法读取")]
    [InlineData("", "请上传")]
    public async Task Import_RefusesAFileItCannotUse(string content, string message)
    {
        using var admin = await api.StaffClientAsync();

        var problem = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.File(System.Text.Encoding.UTF8.GetBytes(content), "a.xlsx")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }
}
