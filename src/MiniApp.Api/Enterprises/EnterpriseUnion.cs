namespace MiniApp.Api.Enterprises;

/// <summary>
/// Creates an enterprise's own union and links it, inside the caller's transaction: an enterprise_union under the
/// 园区 federation when the enterprise is in the industrial park, else under the 乡镇/街道 federation of its township.
/// From then on applications naming the enterprise route to it (the first routing rule); the reason it had none is
/// cleared. Idempotent: an enterprise that already has a union keeps it. Returns the union's id.
/// </summary>
public static class EnterpriseUnion
{
    private sealed record EnterpriseRow(long Id, string Name, string? TownshipCode, bool InIndustrialPark,
        long? UnionId, string? UnionName);

    private sealed record Parent(long Id, string Path, string RegionCode);

    private const string EnterpriseSql = """
        SELECT id, name, township_code, in_industrial_park, union_id, union_name
        FROM enterprises WHERE id = @enterpriseId FOR UPDATE
        """;

    private const string LinkSql = """
        UPDATE enterprises SET union_id = @unionId, union_status = 'established',
            union_established_on = COALESCE(union_established_on, @establishedOn), no_union_reason = NULL,
            version = version + 1, updated_at = @now
        WHERE id = @enterpriseId
        """;

    private const string ParentSql = """
        SELECT id, path, region_code FROM organizations
        WHERE (@InPark = 1 AND type = 'park_federation')
            OR (@InPark = 0 AND type = 'township_federation' AND region_code = @TownshipCode)
        ORDER BY id LIMIT 1
        """;

    private const string InsertSql = """
        INSERT INTO organizations (code, name, type, parent_id, path, region_code, created_at)
        VALUES (@Code, @Name, 'enterprise_union', @ParentId, '', @RegionCode, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string PathSql = "UPDATE organizations SET path = CONCAT(@ParentPath, id, '/') WHERE id = @unionId";

    public static async Task<long> EnsureAsync(Db tx, long enterpriseId, DateOnly establishedOn, DateTime now)
    {
        var enterprise = await tx.QuerySingleAsync<EnterpriseRow>(EnterpriseSql, new { enterpriseId });
        var unionId = enterprise.UnionId ?? await CreateAsync(tx, enterprise, now);
        await tx.ExecuteAsync(LinkSql,
            new { unionId, establishedOn = establishedOn.ToDateTime(TimeOnly.MinValue), now, enterpriseId });
        return unionId;
    }

    private static async Task<long> CreateAsync(Db tx, EnterpriseRow enterprise, DateTime now)
    {
        var parent = await tx.QuerySingleOrDefaultAsync<Parent>(ParentSql,
                new { InPark = enterprise.InIndustrialPark ? 1 : 0, enterprise.TownshipCode })
            ?? throw new InvalidOperationException(
                $"Enterprise {enterprise.Id} has no township federation to belong to.");
        var name = string.IsNullOrWhiteSpace(enterprise.UnionName) ? enterprise.Name + "工会委员会" : enterprise.UnionName;
        var unionId = await tx.ExecuteScalarAsync<long>(InsertSql, new
        {
            Code = $"ent-{enterprise.Id}", Name = name.Length > 100 ? name[..100] : name, ParentId = parent.Id,
            RegionCode = enterprise.TownshipCode ?? parent.RegionCode, Now = now,
        });
        await tx.ExecuteAsync(PathSql, new { ParentPath = parent.Path, unionId });
        return unionId;
    }
}
