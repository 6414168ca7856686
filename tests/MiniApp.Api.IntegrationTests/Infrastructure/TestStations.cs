namespace MiniApp.Api.IntegrationTests.Infrastructure;

internal static class TestStations
{
    public sealed record Station(long Id, string Code);


    public static async Task<Station> CreateStationAsync(this ApiFixture api, long owningUnionId, string regionCode = "530427001")
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        await using var db = await api.Database.OpenAsync();
        var id = await db.ExecuteScalarAsync<long>("""
            INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, owning_union_id, created_at, updated_at)
            VALUES (@code, '测试司机之家', 'driver_home', '测试地址', @regionCode, 24.07, 101.99, @owningUnionId, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
            SELECT LAST_INSERT_ID();
            """, new { code, regionCode, owningUnionId });
        return new Station(id, code);
    }
}
