namespace MiniApp.Api.Notifications.Reminders;

/// <summary>Writes one reminder in its own transaction; the dedupe key makes a second run of the job write nothing.</summary>
internal static class ReminderWriter
{
    public static async Task<bool> WriteAsync(MySqlConnection connection, Notification notification, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await Outbox.WriteAsync(connection, transaction, notification, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public static DateOnly ChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone));

    public const string StaffPage = "pages/staff/review/index";
}
