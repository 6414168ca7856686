using MiniApp.Api.Demo;
using MiniApp.Api.Infrastructure.Data;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>The demo data that scripts/dev.sh loads (`seed-demo`), on a database of its own.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoDataFacts(ApiFixture api)
{
    [Fact]
    public async Task SeedDemo_LetsXpAdminLogIn_AndIsSafeToRunTwice()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = api.CreateFactory(builder => builder.UseSetting("ConnectionStrings:MySql", database.ConnectionString));
        var services = factory.Services;

        for (var run = 0; run < 2; run++)
        {
            services.GetRequiredService<DatabaseMigrator>().Migrate();
            await ActivatorUtilities.CreateInstance<DemoData>(services).LoadAsync();
        }

        await using var db = await database.OpenAsync();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM staff WHERE username IN ('xp-admin', 'xp-guishan')"));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM stations WHERE type = 'driver_home' AND region_code = '530427001'"));
        Assert.Equal(6, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM enterprises WHERE credit_code LIKE '91530427MA6K%'"));
        // The two established ones have their own union, under their township's federation, once each.
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM enterprises e JOIN organizations o ON o.id = e.union_id
            JOIN organizations p ON p.id = o.parent_id AND p.type = 'township_federation' AND p.region_code = e.township_code
            WHERE e.union_status = 'established' AND o.type = 'enterprise_union'
            """));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM organizations WHERE type = 'enterprise_union'"));
        Assert.Equal(60, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM group_surveys"));
        Assert.Equal("transport", await db.ExecuteScalarAsync<string>("SELECT department_code FROM staff WHERE username = 'xp-transport'"));
        using var client = factory.CreateClient();
        var login = await (await client.PostJsonAsync("/api/staff/auth/login",
            new { username = "xp-admin", password = DemoData.DemoPassword })).AssertOkJsonAsync();
        Assert.Equal("county_admin", login.GetProperty("staff").GetProperty("role").GetString());
    }
}
