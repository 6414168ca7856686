namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>Who sees and edits which enterprises, and the list's filters. Every list is narrowed by the test's token.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseScopeFacts(ApiFixture api)
{
    private static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync("/api/staff/enterprises?" + query)).AssertOkJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>Four enterprises: 桂山 (transport), 古城 (health), the park in 古城 (commerce), 古城 (transport).</summary>
    private async Task<(string Token, Dictionary<string, long> Ids)> SeedAsync(HttpClient admin)
    {
        var token = EnterpriseKit.NewToken();
        var ids = new Dictionary<string, long>();
        foreach (var (key, township, department, park) in new[]
                 {
                     ("guishan", EnterpriseKit.Guishan, "transport", false), ("gucheng", EnterpriseKit.Gucheng, "health", false),
                     ("park", EnterpriseKit.Gucheng, "commerce", true), ("gucheng-transport", EnterpriseKit.Gucheng, "transport", false),
                 })
        {
            var body = EnterpriseKit.Body($"{token}-{key}", township: township, department: department).With("inIndustrialPark", park);
            ids[key] = (await admin.CreateEnterpriseAsync(body)).GetProperty("id").GetInt64();
        }
        return (token, ids);
    }

    [Fact]
    public async Task EachRole_SeesItsOwnEnterprises_AndOthersAreNotFound()
    {
        using var admin = await api.StaffClientAsync();
        var (token, ids) = await SeedAsync(admin);
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);
        using var park = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.ParkFederation);
        using var transport = await api.StaffClientAsync(StaffRoles.DepartmentViewer, 1, "transport");
        using var keeper = await api.StaffClientAsync(StaffRoles.StationKeeper, EnterpriseKit.GuishanFederation);
        using var freight = await api.StaffClientAsync(StaffRoles.UnionReviewer, 15);

        Assert.Equal(4, (await NamesAsync(admin, $"q={token}")).Count);
        Assert.Equal([$"{token}-guishan"], await NamesAsync(guishan, $"q={token}"));
        Assert.Equal([$"{token}-park"], await NamesAsync(park, $"q={token}"));
        Assert.Equal([$"{token}-guishan", $"{token}-gucheng-transport"], await NamesAsync(transport, $"q={token}"));
        await (await keeper.GetAsync("/api/staff/enterprises")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await freight.GetAsync($"/api/staff/enterprises/{ids["guishan"]}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await keeper.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("站长登记"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await (await guishan.GetAsync($"/api/staff/enterprises/{ids["guishan"]}")).AssertOkJsonAsync();
        await (await guishan.GetAsync($"/api/staff/enterprises/{ids["gucheng"]}")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        await (await transport.GetAsync($"/api/staff/enterprises/{ids["gucheng"]}")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        await (await park.GetAsync($"/api/staff/enterprises/{ids["park"]}")).AssertOkJsonAsync();
        await (await admin.GetAsync("/api/staff/enterprises/999999999")).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
    }

    [Fact]
    public async Task RolesWithoutEnterprises_ReadTheChoiceListsAndTemplate_ButNothingOfTheRegister()
    {
        using var keeper = await api.StaffClientAsync(StaffRoles.StationKeeper, EnterpriseKit.GuishanFederation);

        await (await keeper.GetAsync("/api/staff/enterprises/options")).AssertOkJsonAsync();
        var template = await keeper.GetAsync("/api/staff/enterprises/import-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        foreach (var path in new[] { "/api/staff/enterprises/form1.xlsx", "/api/staff/enterprises/form4.xlsx?township=x" })
        {
            var refused = await (await keeper.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal("没有权限查看企业名录", refused.GetProperty("detail").GetString());
        }
        await (await keeper.PostAsync("/api/staff/enterprises/import", new MultipartFormDataContent()))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Writes_StayInsideTheCallersScope()
    {
        using var admin = await api.StaffClientAsync();
        var (_, ids) = await SeedAsync(admin);
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);
        using var transport = await api.StaffClientAsync(StaffRoles.DepartmentViewer, 1, "transport");

        var own = await guishan.CreateEnterpriseAsync(EnterpriseKit.Body("桂山自己登记的企业"));
        var elsewhere = await (await guishan.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("登记到古城", township: EnterpriseKit.Gucheng)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("townshipCode", out _));
        var otherDepartment = await (await transport.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("别的部门", department: "health")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(otherDepartment.GetProperty("errors").TryGetProperty("departmentCode", out _));

        // Moving an enterprise out of the caller's township is refused; another township's enterprise is not found.
        var read = await (await guishan.GetAsync($"/api/staff/enterprises/{ids["guishan"]}")).AssertOkJsonAsync();
        await (await guishan.PutAsJsonAsync($"/api/staff/enterprises/{ids["guishan"]}", EnterpriseKit.Body(read.GetProperty("name").GetString()!,
                read.GetProperty("creditCode").GetString(), township: EnterpriseKit.Gucheng).With("version", read.GetProperty("version").GetInt32())))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await guishan.PutAsJsonAsync($"/api/staff/enterprises/{ids["gucheng"]}", EnterpriseKit.Body("x").With("version", 1)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");
        Assert.Equal(EnterpriseKit.Guishan, own.GetProperty("townshipCode").GetString());
    }

    [Fact]
    public async Task List_FiltersAndPages_InAStableOrder()
    {
        using var admin = await api.StaffClientAsync();
        var token = EnterpriseKit.NewToken();
        var specs = new[]
        {
            ("a", EnterpriseKit.Guishan, "transport", 90, new string[0], "none"),
            ("b", EnterpriseKit.Guishan, "health", 300, new[] { "top_private" }, "forming"),
            ("c", EnterpriseKit.Gucheng, "transport", 120, new[] { "npc_cppcc", "top_entrepreneur" }, "none"),
            ("d", EnterpriseKit.Gucheng, "transport", 500, new string[0], "established"),
            ("e", EnterpriseKit.Guishan, "transport", 120, new[] { "yuxi_industrial" }, "none"),
        };
        var codes = new Dictionary<string, string>();
        foreach (var (key, township, department, staff, flags, status) in specs)
        {
            codes[key] = TestEnterprises.NextCreditCode();
            var body = EnterpriseKit.Body($"{token}-{key}", codes[key], township, department, staff).With("keyFlags", flags).With("unionStatus", status)
                .With("unionEstablishedOn", status == "established" ? "2019-06-01" : null);
            await admin.CreateEnterpriseAsync(body);
        }

        Assert.Equal([$"{token}-b", $"{token}-e", $"{token}-a", $"{token}-d", $"{token}-c"], await NamesAsync(admin, $"q={token}"));
        Assert.Equal([$"{token}-b", $"{token}-e", $"{token}-a"], await NamesAsync(admin, $"q={token}&township={EnterpriseKit.Guishan}"));
        Assert.Equal([$"{token}-b"], await NamesAsync(admin, $"q={token}&department=health"));
        Assert.Equal([$"{token}-b"], await NamesAsync(admin, $"q={token}&status=forming"));
        Assert.Equal([$"{token}-d"], await NamesAsync(admin, $"q={token}&status=established"));
        Assert.Equal([$"{token}-b", $"{token}-d"], await NamesAsync(admin, $"q={token}&minStaff=300"));
        Assert.Equal([$"{token}-b", $"{token}-e", $"{token}-c"], await NamesAsync(admin, $"q={token}&keyFlag=any"));
        Assert.Equal([$"{token}-c"], await NamesAsync(admin, $"q={token}&keyFlag=top_entrepreneur"));
        Assert.Equal([$"{token}-c"], await NamesAsync(admin, $"q={codes["c"][..17]}"));
        Assert.Empty(await NamesAsync(admin, $"q={token}&township={EnterpriseKit.Guishan}&keyFlag=npc_cppcc"));

        var page2 = await (await admin.GetAsync($"/api/staff/enterprises?q={token}&page=2&pageSize=2")).AssertOkJsonAsync();
        Assert.Equal(5, page2.GetProperty("total").GetInt64());
        Assert.Equal([$"{token}-a", $"{token}-d"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var item = page2.GetProperty("items")[1];
        Assert.Equal(("古城街道", "已建会", JsonValueKind.Number), (item.GetProperty("townshipName").GetString(),
            item.GetProperty("unionStatusName").GetString(), item.GetProperty("unionId").ValueKind));

        foreach (var bad in new[] { "pageSize=101", "page=0", "status=done", "keyFlag=rich", "township=5304", "minStaff=-1" })
            await (await admin.GetAsync("/api/staff/enterprises?" + bad)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
