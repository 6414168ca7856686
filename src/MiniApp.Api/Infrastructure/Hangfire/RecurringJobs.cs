using Hangfire;
using MiniApp.Api.Coverage;
using MiniApp.Api.Coverage.Bulletin;
using MiniApp.Api.Enterprises.Formation;
using MiniApp.Api.Notifications.Dispatch;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// The one list of recurring jobs: id, schedule (cron in China time) and what runs. Every job is re-entrant, so a
/// missed or doubled run does no harm; the outbox rows and reminder keys in MySQL decide what is sent.
/// </summary>
public static class RecurringJobs
{
    public const string DispatchOutbox = "notifications.dispatch-outbox";
    public const string ReviewDigest = "reminders.review-digest";
    public const string SlaReminders = "reminders.sla";
    public const string InfoReminders = "reminders.info-needed";
    public const string FormationDeadlines = "formation.deadlines";
    public const string DepartmentDigest = "formation.department-digest";
    public const string CoverageRefresh = "coverage.refresh-today";
    public const string CoverageFreeze = "coverage.freeze";
    public const string WeeklyBulletin = "coverage.weekly-bulletin";

    public const string CoverageFreezeCron = "1 0 * * *";
    public const string CoverageRefreshCron = "5 * * * *";

    public static void Register(IRecurringJobManager jobs)
    {
        var china = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        // Every minute: a result reaches the worker within a minute of the decision.
        jobs.AddOrUpdate<OutboxDispatchJob>(DispatchOutbox, job => job.RunAsync(CancellationToken.None), "* * * * *",
            china);
        // 09:00 each day: each reviewer's pending applications.
        jobs.AddOrUpdate<ReviewDigestJob>(ReviewDigest, job => job.RunAsync(CancellationToken.None), "0 9 * * *",
            china);
        // Hourly during office hours on weekdays: applications past the 3- and 10-working-day marks.
        jobs.AddOrUpdate<SlaReminderJob>(SlaReminders, job => job.RunAsync(CancellationToken.None), "30 8-18 * * 1-5",
            china);
        // 10:00 each day: rejected applications still waiting for the information asked for.
        jobs.AddOrUpdate<InfoReminderJob>(InfoReminders, job => job.RunAsync(CancellationToken.None), "0 10 * * *",
            china);
        // 09:30 each day: formation steps past their deadline with no answer.
        jobs.AddOrUpdate<FormationDeadlineReminderJob>(FormationDeadlines, job => job.RunAsync(CancellationToken.None),
            "30 9 * * *", china);
        // Monday 09:00: each department's enterprises that have not moved for a week.
        jobs.AddOrUpdate<DepartmentDigestJob>(DepartmentDigest, job => job.RunAsync(CancellationToken.None),
            "0 9 * * 1", china);
        // 00:01 each night: yesterday's figures, frozen, before the first refresh of the day builds on them. A change
        // that commits after the freeze but is dated yesterday is taken in by today's figures
        // (coverage_deltas.counted_day).
        jobs.AddOrUpdate<CoverageFreezeJob>(CoverageFreeze, job => job.RunAsync(CancellationToken.None),
            CoverageFreezeCron, china);
        // Every hour at :05: today's figures, from yesterday's frozen ones (so incrementally from 00:05 on).
        jobs.AddOrUpdate<CoverageRefreshJob>(CoverageRefresh, job => job.RunAsync(CancellationToken.None),
            CoverageRefreshCron, china);
        // Monday 08:00: the weekly 情况通报 to county admins.
        jobs.AddOrUpdate<WeeklyBulletinJob>(WeeklyBulletin, job => job.RunAsync(CancellationToken.None), "0 8 * * 1",
            china);
    }
}
