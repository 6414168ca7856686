namespace MiniApp.Api.Notifications.Reminders;

/// <summary>Hangfire job, 09:00 daily: each reviewer's count of applications pending in their scope; one digest per
/// reviewer and day.</summary>
public sealed class ReviewDigestJob(MySqlDataSource dataSource, TimeProvider clock)
{
    private const string Sql = $"""
        SELECT s.id AS staff_id, COUNT(a.id) AS pending, MIN(a.submitted_at) AS oldest
        FROM staff s
        JOIN organizations scope ON scope.id = s.union_id
        JOIN organizations o ON o.path LIKE CONCAT(scope.path, '%')
        JOIN applications a ON a.receiving_union_id = o.id AND a.status = 'submitted'
        WHERE s.disabled = 0 AND s.role IN ('{StaffRoles.CountyAdmin}', '{StaffRoles.UnionReviewer}')
        GROUP BY s.id
        """;

    private sealed record Row(long StaffId, long Pending, DateTime Oldest);

    /// <summary>Returns how many digests this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        var rows = await db.QueryAsync<Row>(Sql);
        return await ReminderWriter.WriteAllAsync(db, rows.Select(row => Digest(row, now)), now);
    }

    private static Notification Digest(Row row, DateTime now)
    {
        var oldest = ApplicationNotifications.ChinaDate(row.Oldest);
        var today = ReminderWriter.ChinaDate(now);
        return new Notification(NotificationKinds.ReviewDigest, Recipients.Staff, row.StaffId,
            TemplateKeys.ReviewReminder, "今日待审核入会申请", $"您有{row.Pending}份入会申请待审核，最早的提交于{oldest}。",
            ReminderWriter.StaffFields("入会申请待审核", row.Pending.ToString(), $"最早提交于{oldest}", now),
            Page: ReminderWriter.StaffPage, DedupeKey: $"digest:{row.StaffId}:{today:yyyy-MM-dd}");
    }
}
