using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Notifications;

/// <summary>Section Notifications: subscribe-message templates, dispatch retries and reminder thresholds.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>By template key (ApplicationResult, ReviewReminder): the WeChat template id, the page and the field
    /// mapping.</summary>
    public Dictionary<string, TemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DispatchOptions Dispatch { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();
}

public sealed class TemplateOptions
{
    /// <summary>Empty: this notification goes to the inbox only.</summary>
    public string TemplateId { get; set; } = "";

    public string? Page { get; set; }

    /// <summary>WeChat data key (thing1, phrase2, …) → our logical field (result, union, note, date, …).</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>developer | trial | formal; null lets WeChat use formal.</summary>
    public string? MiniProgramState { get; set; }
}

public sealed class DispatchOptions
{
    [Range(1, 500)] public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message that keeps failing is dead.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay after the first failure; doubles after each further one, up to MaxDelay.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim holds before another worker may take the row (the claimer died).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class ReminderOptions
{
    /// <summary>Pending longer than this many working days: its reviewers are reminded.</summary>
    [Range(1, 60)] public int SlaReminderWorkingDays { get; set; } = 3;

    /// <summary>Pending longer than this many working days: the parent union is told.</summary>
    [Range(1, 60)] public int SlaEscalationWorkingDays { get; set; } = 10;

    /// <summary>A rejection asking for more information reminds the worker once after this many days.</summary>
    [Range(1, 60)] public int InfoReminderDays { get; set; } = 3;

    /// <summary>Reject reasons that ask the worker for more information. Configuration adds to these (arrays bind by
    /// appending).</summary>
    public string[] InfoReasonCodes { get; set; } = ["info_incomplete", "identity_unverified"];

    /// <summary>Public holidays (法定节假日, China dates) that are not working days.</summary>
    public DateOnly[] Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休上班).</summary>
    public DateOnly[] ExtraWorkingDays { get; set; } = [];
}
