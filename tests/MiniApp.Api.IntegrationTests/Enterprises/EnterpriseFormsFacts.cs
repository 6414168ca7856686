namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>附件1 and 附件4 as .xlsx: which enterprises each holds, in which columns, within the caller's scope.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseFormsFacts(ApiFixture api)
{
    private async Task<string> SeedAsync(HttpClient admin)
    {
        var token = EnterpriseKit.NewToken();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-small", staffCount: 50));
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-small-key", staffCount: 30).With("keyFlags", new[] { "top_private", "npc_cppcc" }));
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-big", staffCount: 180));
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-big-done", staffCount: 260).With("unionStatus", "established")
            .With("unionEstablishedOn", "2019-07-20"));
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-key-done", staffCount: 40).With("keyFlags", new[] { "yuxi_industrial" })
            .With("unionStatus", "established").With("unionEstablishedOn", "2019-08-08"));
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-gucheng", township: EnterpriseKit.Gucheng, department: "health", staffCount: 400));
        return token;
    }

    private static List<IDictionary<string, object?>> Mine(List<IDictionary<string, object?>> rows, string token) =>
        rows.Where(r => r["企业名称"]?.ToString()?.StartsWith(token, StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task Form1_HoldsHundredStaffOrKeyEnterprises_InTheImportColumns()
    {
        using var admin = await api.StaffClientAsync();
        var token = await SeedAsync(admin);

        var response = await admin.GetAsync("/api/staff/enterprises/form1.xlsx?township=530427001");
        var rows = Mine(await EnterpriseKit.SheetAsync(response), token);

        Assert.Equal([$"{token}-big-done", $"{token}-big", $"{token}-key-done", $"{token}-small-key"], rows.Select(r => r["企业名称"]?.ToString()));
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition?.ToString());
        Assert.StartsWith("附件1_百人以上企业建会情况摸底统计表", response.Content.Headers.ContentDisposition?.FileNameStar);
        var done = rows[0];
        Assert.Equal(("桂山街道", "是", "2019-07-20", "县交通运输局", "私营"), (done["乡镇(街道)"]?.ToString(), done["是否建会"]?.ToString(),
            done["建会时间"]?.ToString(), done["责任部门"]?.ToString(), done["企业类型/所有制"]?.ToString()));
        Assert.Equal(("是", "是", "否"), (rows[3]["人大代表政协委员所在企业"]?.ToString(), rows[3]["云南省百户优强民营企业"]?.ToString(),
            rows[3]["玉溪市重点培育工业企业"]?.ToString()));

        var all = Mine(await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form1.xlsx")), token);
        Assert.Equal(5, all.Count);
        Assert.Equal($"{token}-gucheng", all[^1]["企业名称"]?.ToString());
    }

    [Fact]
    public async Task Form1_ImportsBackUnchanged()
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body($"{token}-roundtrip", staffCount: 150, phone: TestPeople.NewPhone()));
        var exported = Mine(await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form1.xlsx?department=transport")), token);
        Assert.Contains("****", exported.Single()["联系电话"]?.ToString());

        var result = await (await admin.PostAsync("/api/staff/enterprises/import",
            EnterpriseKit.Xlsx(exported.Select(row => new Dictionary<string, object?>(row))))).AssertOkJsonAsync();

        Assert.Equal(0, result.GetProperty("failed").GetInt32());
        Assert.Equal("unchanged", result.GetProperty("rows").EnumerateArray().Single().GetProperty("result").GetString());
    }

    [Fact]
    public async Task Form4_HoldsKeyEnterprises_AndUnfinishedHundredStaffOnes_WithTheirStep()
    {
        using var admin = await api.StaffClientAsync();
        var token = await SeedAsync(admin);
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("UPDATE enterprises SET current_step_code = 'commitment' WHERE name = @name", new { name = $"{token}-big" });
        }
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);

        var response = await guishan.GetAsync("/api/staff/enterprises/form4.xlsx");
        var rows = Mine(await EnterpriseKit.SheetAsync(response), token);

        Assert.Equal([$"{token}-big", $"{token}-key-done", $"{token}-small-key"], rows.Select(r => r["企业名称"]?.ToString()));
        Assert.Equal(("承诺书", "未建会", ""), (rows[0]["进度节点"]?.ToString(), rows[0]["建会状态"]?.ToString(), rows[0]["重点类别"]?.ToString() ?? ""));
        Assert.Equal(("玉溪市2019年100户重点培育工业企业", "已建会", "2019-08-08"), (rows[1]["重点类别"]?.ToString(), rows[1]["建会状态"]?.ToString(),
            rows[1]["完成时间"]?.ToString()));
        Assert.Equal(("各级人大代表和政协委员所在企业、云南省百户优强民营企业", "未开始"), (rows[2]["重点类别"]?.ToString(), rows[2]["进度节点"]?.ToString()));
        Assert.StartsWith("附件4_重点建会企业情况表", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var keeper = await api.StaffClientAsync(StaffRoles.StationKeeper, EnterpriseKit.GuishanFederation);
        await (await keeper.GetAsync("/api/staff/enterprises/form4.xlsx")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.GetAsync("/api/staff/enterprises/form1.xlsx?township=guishan")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
