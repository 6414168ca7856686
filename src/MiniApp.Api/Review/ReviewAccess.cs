using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// Who may act on which application: county admins and union reviewers, on applications received by their union or a
/// union below it. Anything outside the scope answers 404, so its existence is not revealed.
/// </summary>
public static class ReviewAccess
{
    public static async Task<(StaffContext? Staff, ProblemHttpResult? Problem)> ReviewerAsync(MySqlConnection connection,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var staff = await StaffContext.LoadAsync(connection, principal, cancellationToken);
        if (staff is null) return (null, Problems.SessionExpired());
        if (!staff.CanReview) return (null, ProblemCodes.Forbidden.Problem("没有权限审核入会申请"));
        return (staff, null);
    }

    /// <summary>
    /// Reads the application if it lies in the staff member's scope. Inside a transaction the application's row alone is
    /// locked first: locking the joined read would also lock the union's row, and every submission routed to that union
    /// (its foreign-key check) would wait behind the reviewer.
    /// </summary>
    public static async Task<ApplicationRow?> InScopeAsync(DbConnection connection, DbTransaction? transaction, StaffContext staff,
        long applicationId, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            var exists = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM applications WHERE id = @applicationId FOR UPDATE", new { applicationId }, transaction,
                cancellationToken: cancellationToken));
            if (exists is null) return null;
        }
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            ApplicationRow.SelectSql + " WHERE a.id = @applicationId", new { applicationId }, transaction, cancellationToken: cancellationToken));
        return row is not null && staff.Covers(row.ReceivingUnionPath) ? row : null;
    }

    /// <summary>
    /// For an application that is not in scope: was it in scope until a transfer moved it away? Then the caller lost a
    /// race with the reviewer who transferred it (409 application_state_changed), rather than asking for an unknown one.
    /// </summary>
    public static async Task<bool> WasTransferredAwayAsync(DbConnection connection, DbTransaction? transaction, StaffContext staff,
        long applicationId, CancellationToken cancellationToken)
    {
        var details = await connection.QueryAsync<string?>(new CommandDefinition("""
            SELECT detail FROM audit_log WHERE entity_type = 'application' AND entity_id = @applicationId AND action = 'application.transferred'
            """, new { applicationId }, transaction, cancellationToken: cancellationToken));
        var fromIds = details.Select(FromUnionId).OfType<long>().Distinct().ToArray();
        if (fromIds.Length == 0) return false;
        var paths = await connection.QueryAsync<string>(new CommandDefinition("SELECT path FROM organizations WHERE id IN @fromIds",
            new { fromIds }, transaction, cancellationToken: cancellationToken));
        return paths.Any(staff.Covers);
    }

    private static long? FromUnionId(string? detail) =>
        detail is not null && System.Text.Json.JsonDocument.Parse(detail).RootElement.TryGetProperty("fromUnionId", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;
}
