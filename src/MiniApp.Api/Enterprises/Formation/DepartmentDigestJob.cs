using MiniApp.Api.Notifications;

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
            AND EXISTS (SELECT 1 FROM staff s WHERE s.department_code = e.department_code
                AND s.role = 'department_viewer' AND s.disabled = 0)
        ORDER BY e.department_code, COALESCE(e.step_changed_at, e.created_at), e.id
        """;

    private const string ViewersSql = """
        SELECT id, department_code FROM staff
        WHERE role = 'department_viewer' AND disabled = 0 AND department_code IN @Departments
        """;

    private sealed record Stalled(string DepartmentCode, string DepartmentName, string Name);

    /// <summary>Returns how many digests this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var date = today.ToDateTime(TimeOnly.MinValue);
        var week = $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        var stalled = (await db.QueryAsync<Stalled>(StalledSql, new { Before = now.AddDays(-StalledDays) }))
            .GroupBy(s => s.DepartmentCode).ToDictionary(g => g.Key, g => g.ToList());
        if (stalled.Count == 0) return 0;
        var viewers = await db.QueryAsync<(long Id, string DepartmentCode)>(ViewersSql,
            new { Departments = stalled.Keys.ToArray() });
        var digests = viewers.Select(viewer => Digest(viewer.Id, stalled[viewer.DepartmentCode], today, week));
        return await FormationNotifications.WriteAsync(connection, digests, now, cancellationToken);
    }

    private static Notification Digest(long staffId, List<Stalled> enterprises, DateOnly today, string week)
    {
        var names = string.Join("、", enterprises.Take(NamesShown).Select(e => e.Name))
            + (enterprises.Count > NamesShown ? "等" : "");
        var fields = new FormationNotifications.Fields("建会进展停滞企业",
            enterprises.Count.ToString(CultureInfo.InvariantCulture), $"超过{StalledDays}天没有进展",
            FormationNotifications.Date(today));
        return new Notification(FormationNotifications.DigestKind, Recipients.Staff, staffId,
            TemplateKeys.ReviewReminder, "建会进展停滞企业周报",
            $"{enterprises[0].DepartmentName}负责的{enterprises.Count}家企业已超过{StalledDays}天没有建会进展：{names}。",
            fields.ToDictionary(), Page: FormationNotifications.ListPage,
            DedupeKey: $"formation-digest:{staffId}:{week}");
    }
}
