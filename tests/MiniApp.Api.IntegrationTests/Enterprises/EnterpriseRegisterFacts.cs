namespace MiniApp.Api.IntegrationTests.Enterprises;

[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseRegisterFacts(ApiFixture api)
{
    private static string WithCheck(string body17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = body17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        return body17 + alphabet[(31 - sum % 31) % 31];
    }

    public static TheoryData<string, string> BadCreditCodes()
    {
        var good = TestEnterprises.NextCreditCode();
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        return new()
        {
            { wrongCheck, "校验不通过" },
            { good[..9] + "I" + good[10..], "不含I、O、Z、S、V" },
            { good[..9] + "O" + good[10..], "不含I、O、Z、S、V" },
            { good[..9] + "S" + good[10..], "不含I、O、Z、S、V" },
            { good[..17], "应为18位" },
            { good + "1", "应为18位" },
        };
    }

    [Theory]
    [MemberData(nameof(BadCreditCodes))]
    public async Task Create_RefusesACreditCodeThatBreaksGb32100(string creditCode, string message)
    {
        using var admin = await api.StaffClientAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("坏代码企业", creditCode)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(message, problem.GetProperty("errors").GetProperty("creditCode")[0].GetString());
    }

    [Fact]
    public async Task Create_AcceptsGb32100Codes_WithLettersAndInLowerCaseOrFullWidth()
    {
        using var admin = await api.StaffClientAsync();
        // A code with letters in the organisation part: 9 1 530427 MA6K…, check character computed.
        var lettered = WithCheck("91530427MA6K" + Random.Shared.Next(10000, 99999));
        var fullWidth = string.Concat(TestEnterprises.NextCreditCode().Select(c => (char)(c + 0xFEE0)));

        var a = await admin.CreateEnterpriseAsync(EnterpriseKit.Body("字母代码企业", lettered.ToLowerInvariant()));
        var b = await admin.CreateEnterpriseAsync(EnterpriseKit.Body("全角代码企业", fullWidth));

        Assert.Equal(lettered, a.GetProperty("creditCode").GetString());
        Assert.Equal(18, b.GetProperty("creditCode").GetString()!.Length);
        Assert.All(b.GetProperty("creditCode").GetString()!, c => Assert.True(c < 128));
    }

    [Fact]
    public async Task CreateGetUpdate_RoundTripsEveryField_AndAStaleVersionIsRefused()
    {
        using var admin = await api.StaffClientAsync();
        var body = EnterpriseKit.Body("往返测试有限公司").With("keyFlags", new[] { "npc_cppcc", "yuxi_industrial" }).With("ownershipType", "joint_stock")
            .With("workerGroups", new[] { new { code = "truck_driver", headcount = 40 }, new { code = "security_guard", headcount = 6 } });
        var created = await admin.CreateEnterpriseAsync(body);
        var id = created.GetProperty("id").GetInt64();

        var read = await (await admin.GetAsync($"/api/staff/enterprises/{id}")).AssertOkJsonAsync();
        Assert.Equal("往返测试有限公司", read.GetProperty("name").GetString());
        Assert.Equal("桂山街道", read.GetProperty("townshipName").GetString());
        Assert.Equal("县交通运输局", read.GetProperty("departmentName").GetString());
        Assert.Equal("股份制", read.GetProperty("ownershipTypeName").GetString());
        Assert.Equal(["npc_cppcc", "yuxi_industrial"], read.GetProperty("keyFlags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([("truck_driver", 40), ("security_guard", 6)],
            read.GetProperty("workerGroups").EnumerateArray().Select(g => (g.GetProperty("code").GetString(), g.GetProperty("headcount").GetInt32())));
        Assert.Equal(("none", "未建会"), (read.GetProperty("unionStatus").GetString(), read.GetProperty("unionStatusName").GetString()));
        Assert.Equal("2019-09-30", read.GetProperty("plannedOn").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("union").ValueKind);
        var version = read.GetProperty("version").GetInt32();

        var changed = body.With("name", "往返测试股份有限公司").With("staffCount", 300).With("workerGroups", null).With("version", version)
            .With("unionStatus", "forming");
        var updated = await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", changed)).AssertOkJsonAsync();
        Assert.Equal(("往返测试股份有限公司", 300, "forming", version + 1), (updated.GetProperty("name").GetString(),
            updated.GetProperty("staffCount").GetInt32(), updated.GetProperty("unionStatus").GetString(), updated.GetProperty("version").GetInt32()));
        Assert.Equal(2, updated.GetProperty("workerGroups").GetArrayLength());   // omitted: kept

        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", changed.With("note", "晚到的修改")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_state_changed");
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", changed.With("version", null)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(("往返测试股份有限公司", (string?)null), await db.QuerySingleAsync<(string, string?)>("SELECT name, note FROM enterprises WHERE id = @id", new { id }));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'enterprise' AND entity_id = @id AND action IN ('enterprise.created', 'enterprise.updated')", new { id }));
    }

    [Fact]
    public async Task Create_RefusesADuplicateCreditCode_AndUpdateRefusesTakingOne()
    {
        using var admin = await api.StaffClientAsync();
        var code = TestEnterprises.NextCreditCode();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body("先登记的企业", code));
        var other = await admin.CreateEnterpriseAsync(EnterpriseKit.Body("另一家企业"));

        await (await admin.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("重复登记的企业", code)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_credit_code_taken");
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{other.GetProperty("id").GetInt64()}",
                EnterpriseKit.Body("另一家企业", code).With("version", other.GetProperty("version").GetInt32())))
            .AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_credit_code_taken");
    }

    [Fact]
    public async Task Create_ExplainsEachBadField()
    {
        using var admin = await api.StaffClientAsync();
        var body = EnterpriseKit.Body("", staffCount: 10).With("townshipCode", "530427999").With("femaleStaffCount", 11).With("ownershipType", "big")
            .With("departmentCode", "nobody").With("keyFlags", new[] { "famous" }).With("contactPhone", "12345")
            .With("workerGroups", new[] { new { code = "astronaut", headcount = 1 } }).With("unionStatus", "established");

        var problem = await (await admin.PostAsJsonAsync("/api/staff/enterprises", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "femaleStaffCount", "ownershipType", "keyFlags", "contactPhone", "unionEstablishedOn" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        var references = await (await admin.PostAsJsonAsync("/api/staff/enterprises", EnterpriseKit.Body("引用错误企业").With("townshipCode", "530427999")
            .With("departmentCode", "nobody").With("workerGroups", new[] { new { code = "astronaut", headcount = 1 } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "townshipCode", "departmentCode", "workerGroups" })
            Assert.True(references.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Theory]
    [InlineData(false, EnterpriseKit.GuishanFederation)]
    [InlineData(true, EnterpriseKit.ParkFederation)]
    public async Task Established_CreatesTheUnionUnderItsFederation_AndNeverGoesBack(bool inPark, long federation)
    {
        using var admin = await api.StaffClientAsync();
        var body = EnterpriseKit.Body("建会测试有限公司").With("inIndustrialPark", inPark).With("unionStatus", "established")
            .With("unionEstablishedOn", "2019-07-01").With("unionName", "建会测试有限公司工会委员会").With("unionChair", "赵主席").With("memberCount", 90);

        var created = await admin.CreateEnterpriseAsync(body);

        var id = created.GetProperty("id").GetInt64();
        var unionId = created.GetProperty("union").GetProperty("id").GetInt64();
        Assert.Equal("建会测试有限公司工会委员会", created.GetProperty("union").GetProperty("name").GetString());
        await using var db = await api.Database.OpenAsync();
        var union = await db.QuerySingleAsync<(string Type, long ParentId, string Path)>(
            "SELECT type, parent_id, path FROM organizations WHERE id = @unionId", new { unionId });
        Assert.Equal(("enterprise_union", federation), (union.Type, union.ParentId));
        Assert.Equal($"/1/{federation}/{unionId}/", union.Path);
        Assert.Equal(unionId, await db.ExecuteScalarAsync<long>("SELECT union_id FROM enterprises WHERE id = @id", new { id }));

        var back = body.With("unionStatus", "forming").With("unionEstablishedOn", null).With("version", created.GetProperty("version").GetInt32());
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", back)).AssertProblemAsync(HttpStatusCode.Conflict, "enterprise_union_established");
        Assert.Equal("established", await db.ExecuteScalarAsync<string>("SELECT union_status FROM enterprises WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Update_ToEstablished_LinksAUnion_ThatApplicationsNamingTheEnterpriseGoTo()
    {
        using var admin = await api.StaffClientAsync();
        var body = EnterpriseKit.Body("后建会有限公司", township: EnterpriseKit.Gucheng);
        var created = await admin.CreateEnterpriseAsync(body);
        var id = created.GetProperty("id").GetInt64();

        var noDate = body.With("unionStatus", "established").With("version", created.GetProperty("version").GetInt32());
        await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", noDate)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var updated = await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}", noDate.With("unionEstablishedOn", "2019-08-15")))
            .AssertOkJsonAsync();

        Assert.Equal(("established", "2019-08-15"), (updated.GetProperty("unionStatus").GetString(), updated.GetProperty("unionEstablishedOn").GetString()));
        await using var db = await api.Database.OpenAsync();
        Assert.Equal((EnterpriseKit.GuchengFederation, "后建会有限公司工会委员会"), await db.QuerySingleAsync<(long, string)>(
            "SELECT o.parent_id, o.name FROM enterprises e JOIN organizations o ON o.id = e.union_id WHERE e.id = @id", new { id }));

        // The first routing rule: an application naming the enterprise goes to its new union.
        var application = await api.SubmitAsync(await api.LoginWorkerAsync(), TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(),
            employer: new { enterpriseId = id }));
        Assert.Equal("employer_union", application.GetProperty("receivingUnion").GetProperty("rule").GetString());
        Assert.Equal(updated.GetProperty("union").GetProperty("id").GetInt64(), application.GetProperty("receivingUnion").GetProperty("id").GetInt64());
    }
}
