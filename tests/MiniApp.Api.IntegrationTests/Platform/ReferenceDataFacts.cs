namespace MiniApp.Api.IntegrationTests.Platform;

[Collection(ApiCollection.Name)]
public sealed class ReferenceDataFacts(ApiFixture api)
{
    [Fact]
    public async Task Migrations_LoadTheTwelveTownshipsOfXinping()
    {
        await using var db = await api.Database.OpenAsync();
        var townships = (await db.QueryAsync<(string Code, string Name)>(
            "SELECT code, name FROM regions WHERE parent_code = '530427' ORDER BY code")).ToList();

        Assert.Equal(12, townships.Count);
        Assert.Contains(("530427001", "桂山街道"), townships);
        Assert.Contains(("530427101", "漠沙镇"), townships);
    }

    [Fact]
    public async Task Utf8mb4_RoundTrips_ZheLongTownship()
    {
        await using var db = await api.Database.OpenAsync();
        var name = await db.ExecuteScalarAsync<string>("SELECT name FROM regions WHERE code = '530427204'");
        Assert.Equal("者竜乡", name);

        var echoed = await db.ExecuteScalarAsync<string>("SELECT name FROM organizations WHERE name = @Name", new { Name = "者竜乡总工会" });
        Assert.Equal("者竜乡总工会", echoed);
    }

    [Fact]
    public async Task UnionTree_HasATownshipFederationPerTownship_AndTheIndustryFederations()
    {
        await using var db = await api.Database.OpenAsync();
        var townshipFederations = await db.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM organizations o JOIN regions r ON r.code = o.region_code
            WHERE o.type = 'township_federation' AND r.level = 'township' AND o.path LIKE '/1/%'
            """);
        var industry = (await db.QueryAsync<(string Name, string Group)>(
            "SELECT name, worker_group_code FROM organizations WHERE type = 'industry_federation'")).ToList();

        Assert.Equal(12, townshipFederations);
        Assert.Contains(("新平县道路货运行业工会联合会", "truck_driver"), industry);
        Assert.Contains(("新平县快递行业工会联合会", "courier"), industry);
        Assert.Contains(("新平县网约送餐行业工会联合会", "food_delivery_rider"), industry);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM organizations WHERE type = 'park_federation'"));
    }

    [Fact]
    public async Task Departments_LeadTheirGroups_AsTheWorkPlanAssigns()
    {
        await using var db = await api.Database.OpenAsync();
        var pairs = (await db.QueryAsync<(string Department, string Group)>(
            "SELECT d.name, g.name FROM department_worker_groups dg JOIN departments d ON d.code = dg.department_code JOIN worker_groups g ON g.code = dg.worker_group_code")).ToList();

        Assert.Contains(("县交通运输局", "货车司机"), pairs);
        Assert.Contains(("县公安局", "保安员"), pairs);
        Assert.Contains(("县市场监督管理局", "网约送餐员"), pairs);
        Assert.Contains(("中国邮政集团公司云南省新平县分公司", "快递员"), pairs);
        Assert.Equal(12, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM worker_groups"));
    }

    [Fact]
    public async Task ApiStartUp_LoadsNoDemoData()
    {
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM staff WHERE username IN ('xp-admin', 'xp-guishan')"));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM stations WHERE code LIKE 'XP%'"));
    }
}
