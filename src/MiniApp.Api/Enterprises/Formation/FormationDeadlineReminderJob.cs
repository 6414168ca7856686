using MiniApp.Api.Notifications;

namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// Hangfire job, 09:30 daily: an enterprise not yet established whose current step is past its deadline (China date)
/// with no answer reminds the step's responsible staff member, if still enabled. Once per step: the dedupe key holds
/// the step id.
/// </summary>
public sealed class FormationDeadlineReminderJob(MySqlDataSource dataSource, TimeProvider clock)
{
    // The current step is the enterprise's latest record (a step back is a new record too).
    private const string Sql = """
        SELECT s.id AS step_id, e.id AS enterprise_id, e.name AS enterprise_name, t.name AS step_name, s.deadline,
            s.responsible_staff_id
        FROM enterprises e
        JOIN enterprise_formation_steps s
            ON s.id = (SELECT MAX(x.id) FROM enterprise_formation_steps x WHERE x.enterprise_id = e.id)
        JOIN formation_step_types t ON t.code = s.step_type_code
        JOIN staff r ON r.id = s.responsible_staff_id AND r.disabled = 0 AND r.role <> 'station_keeper'
        WHERE e.union_status <> 'established' AND s.step_type_code = e.current_step_code
            AND s.deadline < @Today AND s.answered_on IS NULL
        ORDER BY s.deadline, s.id
        """;

    private sealed record Overdue(long StepId, long EnterpriseId, string EnterpriseName, string StepName,
        DateTime Deadline, long ResponsibleStaffId);

    /// <summary>Returns how many reminders this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var overdue = await connection.Db(cancellationToken)
            .QueryAsync<Overdue>(Sql, new { Today = today.ToDateTime(TimeOnly.MinValue) });
        return await FormationNotifications.WriteAsync(connection, overdue.Select(Reminder), now, cancellationToken);
    }

    private static Notification Reminder(Overdue step)
    {
        var deadline = FormationNotifications.Date(DateOnly.FromDateTime(step.Deadline));
        var fields = new FormationNotifications.Fields("建会步骤超期提醒", "1",
            $"{step.EnterpriseName}：{step.StepName}", deadline);
        return new Notification(FormationNotifications.DeadlineKind, Recipients.Staff, step.ResponsibleStaffId,
            TemplateKeys.ReviewReminder, "建会步骤已超期",
            $"{step.EnterpriseName}的“{step.StepName}”答复期限为{deadline}，已超期尚未答复，请跟进。",
            fields.ToDictionary(), Page: FormationNotifications.EnterprisePage(step.EnterpriseId),
            DedupeKey: $"formation-deadline:{step.StepId}");
    }
}
