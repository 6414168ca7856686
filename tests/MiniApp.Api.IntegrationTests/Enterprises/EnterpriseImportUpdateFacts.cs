using MiniApp.Api.Enterprises;

namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>An import row that updates a registered enterprise changes what it fills in and keeps what it leaves blank or lacks.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseImportUpdateFacts(ApiFixture api)
{
    // Settable properties: Dapper converts column types only into properties.
    private sealed record Stored
    {
        public string Name { get; init; } = "";
        public string Township { get; init; } = "";
        public string Status { get; init; } = "";
        public int Staff { get; init; }
        public int Female { get; init; }
        public int Migrant { get; init; }
        public string? Department { get; init; }
        public bool TopPrivate { get; init; }
        public string? Address { get; init; }
        public string? Industry { get; init; }
        public string? Reason { get; init; }
        public DateTime? Planned { get; init; }
        public int Members { get; init; }
        public string? Masked { get; init; }
    }

    private async Task<Stored> StoredAsync(string code)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.QuerySingleAsync<Stored>("""
            SELECT name, township_code AS township, union_status AS status, staff_count AS staff, female_staff_count AS female,
                migrant_staff_count AS migrant, department_code AS department, key_top_private AS top_private, address, industry,
                no_union_reason AS reason, planned_on AS planned, member_count AS members, contact_phone_masked AS masked
            FROM enterprises WHERE credit_code = @code
            """, new { code });
    }

    private async Task<(HttpClient Admin, string Code, Stored Before)> RegisteredAsync()
    {
        var admin = await api.StaffClientAsync();
        var code = TestEnterprises.NextCreditCode();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body("导入更新" + EnterpriseKit.NewToken(), code, phone: TestPeople.NewPhone())
            .With("keyFlags", new[] { "top_private" }).With("memberCount", 20));
        return (admin, code, await StoredAsync(code));
    }

    [Fact]
    public async Task AFileOfFourColumns_UpdatesOnlyTheStatus()
    {
        var (admin, code, before) = await RegisteredAsync();
        using var _ = admin;
        var row = new Dictionary<string, object?> { ["乡镇(街道)"] = "桂山街道", ["企业名称"] = before.Name, ["统一社会信用代码"] = code, ["是否建会"] = "筹建中" };

        var result = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx([row]))).AssertOkJsonAsync();

        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal(before with { Status = "forming" }, await StoredAsync(code));
        Assert.Equal((150, "transport", true, 20), (before.Staff, before.Department, before.TopPrivate, before.Members));
    }

    [Fact]
    public async Task BlankCells_KeepTheStoredValues_FilledOnesChange()
    {
        var (admin, code, before) = await RegisteredAsync();
        using var _ = admin;
        var row = new Dictionary<string, object?>
        {
            ["乡镇(街道)"] = "", ["企业名称"] = "", ["统一社会信用代码"] = code, ["行业"] = "建筑业", ["职工人数"] = "", ["其中女职工"] = "",
            ["会员人数"] = "", ["未建会原因"] = "", ["计划建会时间"] = "", ["责任部门"] = "", ["云南省百户优强民营企业"] = "", ["地址"] = "  ",
        };

        var result = await (await admin.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx([row]))).AssertOkJsonAsync();

        Assert.True(result.GetProperty("applied").GetBoolean(), result.ToString());
        Assert.Equal(before with { Industry = "建筑业" }, await StoredAsync(code));
    }

    [Fact]
    public async Task ARowForAnEnterpriseOutOfScope_SaysOnlyThatItCannotBeImported()
    {
        using var admin = await api.StaffClientAsync();
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);
        var code = TestEnterprises.NextCreditCode();
        await admin.CreateEnterpriseAsync(EnterpriseKit.Body("古城已建会企业", code, township: EnterpriseKit.Gucheng)
            .With("unionStatus", "established").With("unionEstablishedOn", "2019-05-01").With("noUnionReason", null));
        var row = new Dictionary<string, object?> { ["乡镇(街道)"] = "桂山街道", ["企业名称"] = "改个名字", ["统一社会信用代码"] = code, ["是否建会"] = "否" };

        var result = await (await guishan.PostAsync("/api/staff/enterprises/import", EnterpriseKit.Xlsx([row]))).AssertOkJsonAsync();

        var errors = result.GetProperty("rows")[0].GetProperty("errors");
        Assert.Equal(["统一社会信用代码"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([ImportEnterprises.OutOfScope], errors.GetProperty("统一社会信用代码").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("古城", result.ToString());
        Assert.DoesNotContain("已建会", result.ToString());
    }
}
