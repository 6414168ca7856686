namespace MiniApp.Api.Enterprises;

public static class EnterpriseReads
{
    private const string GroupsSql = """
        SELECT g.worker_group_code AS code, w.name, g.headcount
        FROM enterprise_worker_groups g JOIN worker_groups w ON w.code = g.worker_group_code
        WHERE g.enterprise_id = @id ORDER BY w.sort_order, w.code
        """;

    /// <summary>The enterprise if it lies in the caller's scope; null answers 404 (whether it exists or not).</summary>
    public static Task<EnterpriseRow?> InScopeAsync(Db db, EnterpriseScope scope, long id)
    {
        var parameters = new DynamicParameters(new { id });
        scope.Parameters(parameters);
        return db.QuerySingleOrDefaultAsync<EnterpriseRow>(
            EnterpriseRow.SelectSql + " WHERE e.id = @id AND " + EnterpriseScope.Sql, parameters);
    }

    public static async Task<EnterpriseView> ViewAsync(Db db, long id)
    {
        var row = await db.QuerySingleAsync<EnterpriseRow>(EnterpriseRow.SelectSql + " WHERE e.id = @id", new { id });
        return EnterpriseView.From(row, await GroupsAsync(db, id));
    }

    public static async Task<IReadOnlyList<EnterpriseWorkerGroup>> GroupsAsync(Db db, long id) =>
        (await db.QueryAsync<EnterpriseWorkerGroup>(GroupsSql, new { id })).ToList();
}
