namespace MiniApp.Api.Applications;

/// <summary>GET /api/applications/mine: the worker's applications, newest first, each with its history.</summary>
public static class GetMyApplications
{
    public sealed record MyApplication(ApplicationView Application, IReadOnlyList<HistoryEntry> History);

    /// <summary>What happened and when. The rejection's reason and note are on the application itself; the audit
    /// details (reviewers' transfer notes, union ids) stay with the federation.</summary>
    public sealed record HistoryEntry(string Action, DateTimeOffset At);

    // Only state changes are history; reveals and other reads stay in the audit log for the federation.
    private const string HistorySql = """
        SELECT entity_id, action, created_at FROM audit_log
        WHERE entity_type = 'application' AND entity_id IN @Ids AND action <> 'application.revealed'
        ORDER BY id
        """;

    public static async Task<IResult> Handle(ClaimsPrincipal principal, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        var rows = (await db.QueryAsync<ApplicationRow>(
            ApplicationRow.SelectSql + " WHERE a.user_id = @UserId ORDER BY a.created_at DESC, a.id DESC",
            new { UserId = principal.UserId() })).ToList();
        if (rows.Count == 0) return TypedResults.Ok(Array.Empty<MyApplication>());

        var history = (await db.QueryAsync<(long EntityId, string Action, DateTime CreatedAt)>(
            HistorySql, new { Ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(h => h.EntityId, h => new HistoryEntry(h.Action, new DateTimeOffset(h.CreatedAt, TimeSpan.Zero)));
        return TypedResults.Ok(rows.Select(row => new MyApplication(row.ToView(), history[row.Id].ToList())).ToList());
    }
}
