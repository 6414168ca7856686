namespace MiniApp.Api.Notifications.Reminders;

/// <summary>
/// Hangfire job: an application pending longer than the reminder threshold (3 working days) reminds the reviewers of
/// its union; longer than the escalation threshold (10) tells the parent union. Once per application, submission and
/// threshold.
/// </summary>
public sealed class SlaReminderJob(MySqlDataSource dataSource, WorkingCalendar calendar,
    IOptions<NotificationOptions> options, TimeProvider clock)
{
    private const string PendingSql = """
        SELECT a.id, a.receiving_union_id, COALESCE(o.parent_id, o.id) AS parent_union_id, o.name AS union_name,
            a.submitted_at
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

    private sealed record Pending(long Id, long ReceivingUnionId, long ParentUnionId, string UnionName,
        DateTime SubmittedAt);

    /// <summary>A threshold: the kind of notice, after how many working days, and which roles it goes to.</summary>
    private sealed record Threshold(string Kind, int Days, string[] Roles)
    {
        public bool IsEscalation => Kind == NotificationKinds.SlaEscalation;
    }

    /// <summary>Returns how many reminders this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Reminders;
        var escalation = new Threshold(NotificationKinds.SlaEscalation, settings.SlaEscalationWorkingDays,
            [StaffRoles.UnionReviewer, StaffRoles.CountyAdmin]);
        var reminder = new Threshold(NotificationKinds.SlaReminder, settings.SlaReminderWorkingDays,
            [StaffRoles.UnionReviewer]);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ReminderWriter.ChinaDate(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        // N working days span at least N calendar days, so nothing newer can be due.
        var pending = await db.QueryAsync<Pending>(PendingSql, new { Before = now.AddDays(-reminder.Days) });
        var written = 0;
        foreach (var application in pending)
        {
            var submitted = ReminderWriter.ChinaDate(application.SubmittedAt);
            if (calendar.IsLongerThan(submitted, today, escalation.Days))
                written += await RemindAsync(db, application, escalation, application.ParentUnionId, now);
            if (calendar.IsLongerThan(submitted, today, reminder.Days))
                written += await RemindAsync(db, application, reminder, application.ReceivingUnionId, now);
        }
        return written;
    }

    private static async Task<int> RemindAsync(Db db, Pending application, Threshold threshold, long unionId,
        DateTime now)
    {
        var covering = (await db.QueryAsync<(long Id, long Depth)>(ReviewersSql,
            new { UnionId = unionId, threshold.Roles })).ToList();
        var nearest = covering.Count == 0 ? 0 : covering.Max(staff => staff.Depth);
        var reminders = covering.Where(staff => staff.Depth == nearest)
            .Select(staff => Reminder(application, threshold, staff.Id, now));
        return await ReminderWriter.WriteAllAsync(db, reminders, now);
    }

    private static Notification Reminder(Pending application, Threshold threshold, long staffId, DateTime now)
    {
        var days = threshold.Days;
        var title = threshold.IsEscalation ? "入会申请超期未审核" : "入会申请待审核提醒";
        var body = threshold.IsEscalation
            ? $"{application.UnionName}受理的入会申请（编号{application.Id}）已超过{days}个工作日未审核，请督促办理。"
            : $"入会申请（编号{application.Id}）已等待超过{days}个工作日，请尽快审核。";
        return new Notification(threshold.Kind, Recipients.Staff, staffId, TemplateKeys.ReviewReminder, title, body,
            ReminderWriter.StaffFields(title, "1", $"已超过{days}个工作日", now), application.Id, ReminderWriter.StaffPage,
            $"{threshold.Kind}:{days}:{application.Id}:{application.SubmittedAt.Ticks}:{staffId}");
    }
}
