namespace MiniApp.Api.Enterprises;

public static class EnterpriseReads
{
    private const string GroupsSql = """
        SELECT g.worker_group_code AS code, w.name, g.headcount
        FROM enterprise_worker_groups g JOIN worker_groups w ON w.code = g.worker_group_code
        WHERE g.enterprise_id = @id ORDER BY w.sort_order, w.code
        """;

    /// <summary>The enterprise if it lies in the caller's scope; null answers 404 (whether it exists or not).</summary>
    public static Task<EnterpriseRow?> InScopeAsync(DbConnection connection, DbTransaction? transaction, EnterpriseScope scope, long id,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { id });
        scope.Parameters(parameters);
        return connection.QuerySingleOrDefaultAsync<EnterpriseRow>(new CommandDefinition(
            EnterpriseRow.SelectSql + " WHERE e.id = @id AND " + EnterpriseScope.Sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<EnterpriseView> ViewAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<EnterpriseRow>(new CommandDefinition(EnterpriseRow.SelectSql + " WHERE e.id = @id", new { id },
            cancellationToken: cancellationToken));
        return EnterpriseView.From(row, await GroupsAsync(connection, id, cancellationToken));
    }

    public static async Task<IReadOnlyList<EnterpriseWorkerGroup>> GroupsAsync(DbConnection connection, long id, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<EnterpriseWorkerGroup>(new CommandDefinition(GroupsSql, new { id }, cancellationToken: cancellationToken))).ToList();
}
