using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// Who may act on which application: county admins and union reviewers (<see cref="Policy"/>), on applications
/// received by their union or a union below it. Anything outside the scope answers 404, so its existence is not
/// revealed.
/// </summary>
public static class ReviewAccess
{
    /// <summary>The endpoint policy of the review queue and its decisions.</summary>
    public const string Policy = "applications:review";

    /// <summary>Roles that may see and decide applications (with personal data, masked unless revealed).</summary>
    public static bool CanReview(this StaffContext staff) =>
        staff.Role is StaffRoles.CountyAdmin or StaffRoles.UnionReviewer;

    private const string LockSql = "SELECT id FROM applications WHERE id = @applicationId FOR UPDATE";

    private const string TransfersSql = """
        SELECT detail FROM audit_log
        WHERE entity_type = 'application' AND entity_id = @applicationId AND action = 'application.transferred'
        """;

    /// <summary>
    /// Reads the application if it lies in the staff member's scope. Inside a transaction the application's row alone
    /// is locked first: locking the joined read would also lock the union's row, and every submission routed to that
    /// union (its foreign-key check) would wait behind the reviewer.
    /// </summary>
    public static async Task<ApplicationRow?> InScopeAsync(Db db, StaffContext staff, long applicationId)
    {
        if (db.Transaction is not null && await db.ExecuteScalarAsync<long?>(LockSql, new { applicationId }) is null)
            return null;
        var row = await db.QuerySingleOrDefaultAsync<ApplicationRow>(
            ApplicationRow.SelectSql + " WHERE a.id = @applicationId", new { applicationId });
        return row is not null && staff.Covers(row.ReceivingUnionPath) ? row : null;
    }

    /// <summary>
    /// The answer to a decision on an application <see cref="InScopeAsync"/> did not find: 409
    /// application_state_changed when a transfer moved it away (<see cref="WasTransferredAwayAsync"/>), else 404.
    /// </summary>
    public static async Task<ProblemHttpResult> NotInScopeAsync(Db db, StaffContext staff, long applicationId) =>
        await WasTransferredAwayAsync(db, staff, applicationId)
            ? ApplicationProblems.StateChanged()
            : ApplicationProblems.NotFound();

    /// <summary>
    /// For an application that is not in scope: was it in scope until a transfer moved it away? Then the caller lost a
    /// race with the reviewer who transferred it (409 application_state_changed), rather than asking for an unknown
    /// one.
    /// </summary>
    public static async Task<bool> WasTransferredAwayAsync(Db db, StaffContext staff, long applicationId)
    {
        var details = await db.QueryAsync<string?>(TransfersSql, new { applicationId });
        var fromIds = details.Select(FromUnionId).OfType<long>().Distinct().ToArray();
        if (fromIds.Length == 0) return false;
        var paths = await db.QueryAsync<string>("SELECT path FROM organizations WHERE id IN @fromIds", new { fromIds });
        return paths.Any(staff.Covers);
    }

    private static long? FromUnionId(string? detail) =>
        detail is not null
        && JsonDocument.Parse(detail).RootElement.TryGetProperty("fromUnionId", out var id)
        && id.TryGetInt64(out var value)
            ? value
            : null;
}
