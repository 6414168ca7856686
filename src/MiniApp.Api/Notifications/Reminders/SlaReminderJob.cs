namespace MiniApp.Api.Notifications.Reminders;

/// <summary>
/// Hangfire job: an application pending longer than the reminder threshold (3 working days) reminds the reviewers of
/// its union; longer than the escalation threshold (10) tells the parent union. Once per application, submission and threshold.
/// </summary>
public sealed class SlaReminderJob(MySqlDataSource dataSource, WorkingCalendar calendar, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private const string PendingSql = """
        SELECT a.id, a.receiving_union_id, COALESCE(o.parent_id, o.id) AS parent_union_id, o.name AS union_name, a.submitted_at
        FROM applications a JOIN organizations o ON o.id = a.receiving_union_id
        WHERE a.status = 'submitted' AND a.submitted_at < @Before
        ORDER BY a.submitted_at
        """;

    // The nearest staff whose scope covers the union: its own reviewers, or, when it has none (a small joint union),
    // those of the closest union above it that has some, so no reminder is written for nobody.
    private const string ReviewersSql = """
        SELECT s.id, LENGTH(scope.path) AS depth
        FROM staff s
        JOIN organizations scope ON scope.id = s.union_id
        JOIN organizations target ON target.id = @UnionId
        WHERE target.path LIKE CONCAT(scope.path, '%') AND s.disabled = 0 AND s.role IN @Roles
        """;

    private sealed record Pending(long Id, long ReceivingUnionId, long ParentUnionId, string UnionName, DateTime SubmittedAt);

    /// <summary>Returns how many reminders this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Reminders;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ReminderWriter.ChinaDate(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // N working days span at least N calendar days, so nothing newer can be due.
        var pending = await connection.QueryAsync<Pending>(new CommandDefinition(PendingSql,
            new { Before = now.AddDays(-settings.SlaReminderWorkingDays) }, cancellationToken: cancellationToken));
        var written = 0;
        foreach (var application in pending)
        {
            var submitted = ReminderWriter.ChinaDate(application.SubmittedAt);
            if (calendar.IsLongerThan(submitted, today, settings.SlaEscalationWorkingDays))
                written += await RemindAsync(connection, application, NotificationKinds.SlaEscalation, settings.SlaEscalationWorkingDays,
                    application.ParentUnionId, ["union_reviewer", "county_admin"], now, cancellationToken);
            if (calendar.IsLongerThan(submitted, today, settings.SlaReminderWorkingDays))
                written += await RemindAsync(connection, application, NotificationKinds.SlaReminder, settings.SlaReminderWorkingDays,
                    application.ReceivingUnionId, ["union_reviewer"], now, cancellationToken);
        }
        return written;
    }

    private static async Task<int> RemindAsync(MySqlConnection connection, Pending application, string kind, int days, long unionId,
        string[] roles, DateTime now, CancellationToken cancellationToken)
    {
        var covering = (await connection.QueryAsync<(long Id, long Depth)>(new CommandDefinition(ReviewersSql, new { UnionId = unionId, Roles = roles },
            cancellationToken: cancellationToken))).ToList();
        var nearest = covering.Count == 0 ? 0 : covering.Max(staff => staff.Depth);
        var staffIds = covering.Where(staff => staff.Depth == nearest).Select(staff => staff.Id);
        var escalated = kind == NotificationKinds.SlaEscalation;
        var title = escalated ? "入会申请超期未审核" : "入会申请待审核提醒";
        var body = escalated
            ? $"{application.UnionName}受理的入会申请（编号{application.Id}）已超过{days}个工作日未审核，请督促办理。"
            : $"入会申请（编号{application.Id}）已等待超过{days}个工作日，请尽快审核。";
        var written = 0;
        foreach (var staffId in staffIds)
        {
            var notification = new Notification(kind, Recipients.Staff, staffId, TemplateKeys.ReviewReminder, title, body,
                new Dictionary<string, string>
                {
                    ["title"] = title, ["count"] = "1", ["note"] = $"已超过{days}个工作日", ["date"] = ApplicationNotifications.ChinaDate(now),
                },
                application.Id, ReminderWriter.StaffPage,
                $"{kind}:{days}:{application.Id}:{application.SubmittedAt.Ticks}:{staffId}");
            if (await ReminderWriter.WriteAsync(connection, notification, now, cancellationToken)) written++;
        }
        return written;
    }
}
