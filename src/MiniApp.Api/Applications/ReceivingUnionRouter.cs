namespace MiniApp.Api.Applications;

public sealed record ReceivingUnion(long Id, string Name, string Rule);

/// <summary>
/// Picks the union an application goes to, in the campaign's order: the employer's own union; else the union that
/// owns the station scanned; else the county industry federation of the worker's group; else the 总工会 of the
/// worker's residence township (which always exists).
/// </summary>
public static class ReceivingUnionRouter
{
    public const string EmployerUnion = "employer_union";
    public const string StationUnion = "station_union";
    public const string IndustryUnion = "industry_union";
    public const string TownshipUnion = "township_union";
    public const string Transferred = "transferred";

    private const string Sql = """
        SELECT o.id, o.name, 1 AS rank_order
        FROM enterprises e JOIN organizations o ON o.id = e.union_id WHERE e.id = @EnterpriseId
        UNION ALL
        SELECT o.id, o.name, 2
        FROM stations s JOIN organizations o ON o.id = s.owning_union_id WHERE s.id = @StationId
        UNION ALL
        SELECT o.id, o.name, 3
        FROM organizations o WHERE o.type = 'industry_federation' AND o.worker_group_code = @GroupCode
        UNION ALL
        SELECT o.id, o.name, 4
        FROM organizations o WHERE o.type = 'township_federation' AND o.region_code = @TownshipCode
        ORDER BY rank_order, id
        LIMIT 1
        """;

    private sealed record Candidate(long Id, string Name, int RankOrder);

    /// <summary>The union the application of a checked form goes to.</summary>
    public static async Task<ReceivingUnion> RouteAsync(Db db, ValidForm form)
    {
        var parameters = new
        {
            EnterpriseId = form.EnterpriseId ?? 0, StationId = form.StationId ?? 0,
            GroupCode = form.Group, TownshipCode = form.ResidenceTownship,
        };
        var candidate = await db.QuerySingleOrDefaultAsync<Candidate>(Sql, parameters)
            ?? throw new InvalidOperationException($"No township federation for township {form.ResidenceTownship}.");
        var rule = candidate.RankOrder switch
        {
            1 => EmployerUnion,
            2 => StationUnion,
            3 => IndustryUnion,
            _ => TownshipUnion,
        };
        return new ReceivingUnion(candidate.Id, candidate.Name, rule);
    }
}
