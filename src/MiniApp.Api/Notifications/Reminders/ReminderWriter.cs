namespace MiniApp.Api.Notifications.Reminders;

/// <summary>Writes reminders, each in its own transaction; the dedupe key makes a second run of the job write
/// nothing.</summary>
internal static class ReminderWriter
{
    public const string StaffPage = "pages/staff/review/index";

    /// <summary>False when a reminder with the same dedupe key was written before.</summary>
    public static async Task<bool> WriteAsync(Db db, Notification notification, DateTime now)
    {
        await using var transaction = await db.Connection.BeginTransactionAsync(db.Cancellation);
        var written = await Outbox.WriteAsync(db.In(transaction), notification, now);
        await transaction.CommitAsync(db.Cancellation);
        return written;
    }

    /// <summary>The same, for callers that still pass the connection and cancellation apart.</summary>
    public static Task<bool> WriteAsync(MySqlConnection connection, Notification notification, DateTime now,
        CancellationToken cancellationToken) =>
        WriteAsync(connection.Db(cancellationToken), notification, now);

    /// <summary>Writes each in turn; returns how many were new.</summary>
    public static async Task<int> WriteAllAsync(Db db, IEnumerable<Notification> notifications, DateTime now)
    {
        var written = 0;
        foreach (var notification in notifications)
        {
            if (await WriteAsync(db, notification, now)) written++;
        }
        return written;
    }

    /// <summary>The logical fields of the staff reminder template (TemplateKeys.ReviewReminder).</summary>
    public static Dictionary<string, string> StaffFields(string title, string count, string note, DateTime now) =>
        new()
        {
            ["title"] = title, ["count"] = count, ["note"] = note, ["date"] = ApplicationNotifications.ChinaDate(now),
        };

    public static DateOnly ChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone));
}
