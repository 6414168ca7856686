namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// The enterprise a formation request names, if it lies in the caller's scope (locked when inside a transaction).
/// </summary>
public sealed record FormationEnterprise(long Id, string Name, string UnionStatus, string? CurrentStepCode, int Version,
    long? UnionId, string? TownshipCode, bool InIndustrialPark, string? DepartmentCode)
{
    private const string Sql = """
        SELECT e.id, e.name, e.union_status, e.current_step_code, e.version, e.union_id, e.township_code,
            e.in_industrial_park, e.department_code
        FROM enterprises e
        WHERE e.id = @Id AND
        """;

    public static Task<FormationEnterprise?> InScopeAsync(Db db, EnterpriseScope scope, long id)
    {
        var parameters = new DynamicParameters(new { Id = id });
        scope.Parameters(parameters);
        var sql = Sql + EnterpriseScope.Sql + (db.Transaction is null ? "" : " FOR UPDATE");
        return db.QuerySingleOrDefaultAsync<FormationEnterprise>(sql, parameters);
    }
}
