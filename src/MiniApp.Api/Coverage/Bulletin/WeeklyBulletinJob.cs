using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Notifications;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Coverage.Bulletin;

/// <summary>
/// Hangfire job, weekly: the 情况通报 of the week ending last Sunday (China) to the inbox of every enabled county admin.
/// One message per admin and week (dedupe key), so a second run writes nothing; a Sunday without figures writes
/// nothing.
/// </summary>
public sealed class WeeklyBulletinJob(MySqlDataSource dataSource, TimeProvider clock, ILogger<WeeklyBulletinJob> logger)
{
    public const string Kind = "coverage_bulletin";

    private const string AdminsSql = "SELECT id FROM staff WHERE role = 'county_admin' AND disabled = 0 ORDER BY id";

    /// <summary>Returns how many notifications this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var weekEnding = ReportDates.LastSunday(ChinaTime.Today(clock));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        var bulletin = await WeeklyBulletin.LoadAsync(db, weekEnding);
        if (bulletin is null)
        {
            logger.LogWarning("Weekly bulletin not sent: no coverage figures for {WeekEnding}",
                weekEnding.ToString("yyyy-MM-dd"));
            return 0;
        }
        var written = 0;
        foreach (var adminId in await db.QueryAsync<long>(AdminsSql))
        {
            if (await ReminderWriter.WriteAsync(connection, Notification(bulletin, adminId), now, cancellationToken))
                written++;
        }
        return written;
    }

    private static Notification Notification(WeeklyBulletin bulletin, long staffId) => new(
        Kind, Recipients.Staff, staffId, TemplateKeys.ReviewReminder, bulletin.Title, bulletin.Summary,
        new Dictionary<string, string>
        {
            ["title"] = "每周入会建会情况通报",
            ["count"] = bulletin.ApprovedInWeek.ToString(CultureInfo.InvariantCulture),
            ["note"] = $"入会率{CoverageRates.Percent(bulletin.JoinRate.Current)}"
                + (bulletin.JoinRate.Change is { } change ? $"，较上周{CoverageRates.Points(change)}" : ""),
            ["date"] = ReportDates.Chinese(bulletin.WeekEnding),
        },
        DedupeKey: $"bulletin:{staffId}:{bulletin.WeekEnding:yyyy-MM-dd}");
}
