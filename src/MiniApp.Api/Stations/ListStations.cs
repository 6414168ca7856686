using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Stations;

/// <summary>GET /api/staff/stations: the stations of the caller's union subtree, by code, with filters.</summary>
public static class ListStations
{
    public sealed record Query(
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "type")] string? Type,
        [FromQuery(Name = "region")] string? Region,
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize);

    public sealed record Page(IReadOnlyList<StationView> Items, int PageNumber, int PageSize, long Total);

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle([AsParameters] Query query,
        StaffContext staff,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        if (page < 1) return Problems.Validation("page", "页码从1开始");
        if (pageSize is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        if (query.Status is not null
            && !StationCatalog.Statuses.IsKnown(query.Status)) return Problems.Validation("status", "站点状态不正确");
        if (query.Type is not null
            && !StationCatalog.Types.IsKnown(query.Type)) return Problems.Validation("type", "站点类型不正确");
        if (query.Region is not null
            && !RegionPrefix.TryCreate(query.Region, out _)) return Problems.Validation("region", "区划代码为6至12位数字");
        var search = query.Q?.Trim();
        if (search is { Length: > 50 }) return Problems.Validation("q", "搜索内容不能超过50个字");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);

        var where = new StringBuilder(" WHERE o.path LIKE @ScopePrefix");
        if (query.Status is not null) where.Append(" AND s.status = @Status");
        if (query.Type is not null) where.Append(" AND s.type = @Type");
        if (query.Region is not null) where.Append(" AND s.region_code LIKE @RegionPrefix");
        if (!string.IsNullOrEmpty(search)) where.Append(" AND (s.code LIKE @Search OR s.name LIKE @Search)");
        RegionPrefix.TryCreate(query.Region, out var regionPrefix);
        var parameters = new
        {
            ScopePrefix = staff.UnionPath + "%",
            query.Status,
            query.Type,
            RegionPrefix = regionPrefix + "%",
            Search = "%" + EscapeLike(search ?? "") + "%",
            Offset = (page - 1) * pageSize,
            Limit = pageSize,
        };
        var total = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM stations s JOIN organizations o ON o.id = s.owning_union_id" + where, parameters);
        var rows = await db.QueryAsync<StationRow>(
            StationRow.SelectSql + where + " ORDER BY s.code LIMIT @Limit OFFSET @Offset", parameters);
        var minute = WeeklySchedule.MinuteOfWeek(clock.GetUtcNow());
        return TypedResults.Ok(new Page(rows.Select(r => r.ToView(minute)).ToList(), page, pageSize, total));
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

/// <summary>
/// A GB/T 2260 code as a prefix of the codes below it: 530000 (a province) covers 53…, 530400 (a prefecture) 5304…,
/// 530427 (a county) 530427…, a township's nine digits its villages.
/// </summary>
public static class RegionPrefix
{
    public static bool TryCreate(string? region, out string prefix)
    {
        prefix = "";
        if (region is null || region.Length is < 6 or > 12 || !region.All(char.IsAsciiDigit)) return false;
        prefix = region.Length == 6 ? region.TrimEnd('0') : region;
        // Keep whole two-digit levels: 530000 → 53, 530400 → 5304, 110100 → 1101.
        if (region.Length == 6 && prefix.Length % 2 == 1) prefix += "0";
        if (prefix.Length < 2) prefix = region[..2];
        return true;
    }
}
