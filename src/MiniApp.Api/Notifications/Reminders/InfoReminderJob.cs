namespace MiniApp.Api.Notifications.Reminders;

/// <summary>
/// Hangfire job: a rejected application whose reason asks for more information, not corrected after the configured
/// days, reminds its worker once (per rejection).
/// </summary>
public sealed class InfoReminderJob(MySqlDataSource dataSource, IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    // Rejections older than this are not chased when the job first runs on old data.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    private const string Sql = """
        SELECT id, user_id, reject_reason, reject_note, decided_at FROM applications
        WHERE status = 'rejected' AND reject_reason IN @Reasons AND decided_at <= @Due AND decided_at > @Horizon
        """;

    private sealed record Row(long Id, long UserId, string? RejectReason, string? RejectNote, DateTime DecidedAt);

    /// <summary>Returns how many reminders this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Reminders;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        var rows = await db.QueryAsync<Row>(Sql, new
        {
            Reasons = settings.InfoReasonCodes, Due = now.AddDays(-settings.InfoReminderDays), Horizon = now - Horizon,
        });
        return await ReminderWriter.WriteAllAsync(db, rows.Select(row => Reminder(row, now)), now);
    }

    private static Notification Reminder(Row row, DateTime now)
    {
        var reason = ApplicationNotifications.ReasonText(row.RejectReason, row.RejectNote);
        var fields = new Dictionary<string, string>
        {
            ["result"] = "待补充", ["union"] = "请补充申请信息", ["date"] = ApplicationNotifications.ChinaDate(now),
            ["note"] = reason,
        };
        return new Notification(NotificationKinds.InfoReminder, Recipients.Worker, row.UserId,
            TemplateKeys.ApplicationResult, "请补充入会申请信息", $"您的入会申请需要补充信息：{reason}。修改后即可重新提交。",
            fields, row.Id, ApplicationNotifications.Page, $"info:{row.Id}:{row.DecidedAt.Ticks}");
    }
}
