namespace MiniApp.Api.Enterprises.Formation;

/// <summary>The enterprise a formation request names, if it lies in the caller's scope (locked when inside a transaction).</summary>
public sealed record FormationEnterprise(long Id, string Name, string UnionStatus, string? CurrentStepCode, int Version, long? UnionId,
    string? TownshipCode, bool InIndustrialPark, string? DepartmentCode)
{
    private const string Sql = """
        SELECT e.id, e.name, e.union_status, e.current_step_code, e.version, e.union_id, e.township_code, e.in_industrial_park,
            e.department_code
        FROM enterprises e
        WHERE e.id = @Id AND
        """;

    public static async Task<FormationEnterprise?> InScopeAsync(DbConnection connection, DbTransaction? transaction, EnterpriseScope scope,
        long id, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Id = id });
        scope.Parameters(parameters);
        var sql = Sql + EnterpriseScope.Sql + (transaction is null ? "" : " FOR UPDATE");
        return await connection.QuerySingleOrDefaultAsync<FormationEnterprise>(new CommandDefinition(sql, parameters, transaction,
            cancellationToken: cancellationToken));
    }
}
