namespace MiniApp.Api.IntegrationTests.Infrastructure;

internal static class TestReview
{
    /// <summary>Approves as a fresh county admin (who covers every union).</summary>
    public static async Task<string> ApproveAsync(this ApiFixture api, long applicationId)
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var client = api.CreateClient(await api.StaffTokenAsync(admin));
        var approved = await (await client.PostAsync($"/api/staff/applications/{applicationId}/approve", null)).AssertOkJsonAsync();
        return approved.GetProperty("memberNumber").GetString()!;
    }

    /// <summary>An enterprise with its own union under 桂山街道总工会.</summary>
    public static async Task<(long EnterpriseId, long UnionId)> CreateEnterpriseWithUnionAsync(this ApiFixture api)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var db = await api.Database.OpenAsync();
        var unionId = await db.ExecuteScalarAsync<long>("""
            INSERT INTO organizations (code, name, type, parent_id, path, region_code) VALUES (@Code, @Name, 'enterprise_union', 2, '', '530427001');
            SELECT LAST_INSERT_ID();
            """, new { Code = "t-" + suffix, Name = "测试企业工会" + suffix });
        await db.ExecuteAsync("UPDATE organizations SET path = CONCAT('/1/2/', id, '/') WHERE id = @unionId", new { unionId });
        var enterpriseId = await db.ExecuteScalarAsync<long>("""
            INSERT INTO enterprises (name, credit_code, township_code, union_id, created_at, updated_at)
            VALUES (@Name, NULL, '530427001', @unionId, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
            SELECT LAST_INSERT_ID();
            """, new { Name = "测试物流有限公司" + suffix, unionId });
        return (enterpriseId, unionId);
    }
}
