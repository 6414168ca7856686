using MiniApp.Api.Notifications;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// Hangfire job, Monday 09:00: each department viewer learns how many of their department's enterprises, not yet
/// established, have not moved for a week (no step for 7 days, or none at all since they were registered), with the
/// longest-stalled names first. Once per staff member and ISO week. County admins read the county-wide picture in the
/// weekly bulletin, so they get no digest here.
/// </summary>
public sealed class DepartmentDigestJob(MySqlDataSource dataSource, TimeProvider clock)
{
    public const int StalledDays = 7;
    public const int NamesShown = 5;

    private const string StalledSql = """
        SELECT e.department_code, d.name AS department_name, e.name
        FROM enterprises e JOIN departments d ON d.code = e.department_code
        WHERE e.union_status <> 'established' AND COALESCE(e.step_changed_at, e.created_at) < @Before
            AND EXISTS (SELECT 1 FROM staff s WHERE s.department_code = e.department_code AND s.role = 'department_viewer' AND s.disabled = 0)
        ORDER BY e.department_code, COALESCE(e.step_changed_at, e.created_at), e.id
        """;

    private const string ViewersSql = """
        SELECT id, department_code FROM staff WHERE role = 'department_viewer' AND disabled = 0 AND department_code IN @Departments
        """;

    private sealed record Stalled(string DepartmentCode, string DepartmentName, string Name);

    /// <summary>Returns how many digests this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):D2}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stalled = (await connection.QueryAsync<Stalled>(new CommandDefinition(StalledSql, new { Before = now.AddDays(-StalledDays) },
            cancellationToken: cancellationToken))).GroupBy(s => s.DepartmentCode).ToDictionary(g => g.Key, g => g.ToList());
        if (stalled.Count == 0) return 0;
        var viewers = await connection.QueryAsync<(long Id, string DepartmentCode)>(new CommandDefinition(ViewersSql,
            new { Departments = stalled.Keys.ToArray() }, cancellationToken: cancellationToken));
        var written = 0;
        foreach (var (staffId, departmentCode) in viewers)
        {
            var enterprises = stalled[departmentCode];
            var names = string.Join("、", enterprises.Take(NamesShown).Select(e => e.Name)) + (enterprises.Count > NamesShown ? "等" : "");
            var notification = new Notification(FormationNotifications.DigestKind, Recipients.Staff, staffId, TemplateKeys.ReviewReminder,
                "建会进展停滞企业周报",
                $"{enterprises[0].DepartmentName}负责的{enterprises.Count}家企业已超过{StalledDays}天没有建会进展：{names}。",
                new Dictionary<string, string>
                {
                    ["title"] = "建会进展停滞企业", ["count"] = enterprises.Count.ToString(CultureInfo.InvariantCulture),
                    ["note"] = $"超过{StalledDays}天没有进展", ["date"] = FormationNotifications.Date(today),
                },
                Page: FormationNotifications.ListPage, DedupeKey: $"formation-digest:{staffId}:{week}");
            if (await ReminderWriter.WriteAsync(connection, notification, now, cancellationToken)) written++;
        }
        return written;
    }
}
