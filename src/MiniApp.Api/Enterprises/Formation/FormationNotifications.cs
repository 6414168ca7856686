using MiniApp.Api.Notifications;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// The notification kinds of the formation work, the staff pages they open, and what its two jobs share: reminders to
/// staff members on the review-reminder template, each written once (its dedupe key) in its own transaction.
/// </summary>
public static class FormationNotifications
{
    public const string DeadlineKind = "formation_deadline";
    public const string DigestKind = "formation_digest";

    public const string ListPage = "pages/staff/enterprises/index";

    public static string EnterprisePage(long enterpriseId) => $"pages/staff/enterprises/detail?id={enterpriseId}";

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日");

    /// <summary>The review-reminder template's fields.</summary>
    public sealed record Fields(string Title, string Count, string Note, string Date)
    {
        public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
        {
            ["title"] = Title, ["count"] = Count, ["note"] = Note, ["date"] = Date,
        };
    }

    /// <summary>How many of the reminders were new (a second run of a job writes none).</summary>
    public static async Task<int> WriteAsync(MySqlConnection connection, IEnumerable<Notification> reminders,
        DateTime now, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var reminder in reminders)
        {
            if (await ReminderWriter.WriteAsync(connection, reminder, now, cancellationToken)) written++;
        }
        return written;
    }
}
