namespace MiniApp.Api.Coverage;

/// <summary>The figures a journal row moves (coverage_deltas.measure).</summary>
public static class CoverageMeasures
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Member = "member";
}

/// <summary>The township × worker group an application (and the member made from it) counts under.</summary>
public readonly record struct CoverageCell(string TownshipCode, string WorkerGroupCode);

/// <summary>One signed journal row: measure moved by delta in a cell on a China date.</summary>
public sealed record JournalEntry(DateOnly Day, CoverageCell Cell, string Measure, int Delta, int? DecisionDays = null);

/// <summary>The journal rows each change of an application's status writes. Pure, so the rules are tested without a
/// database.</summary>
public static class CoverageChanges
{
    public static DateOnly ChinaDay(DateTime utc) =>
        DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone));

    /// <summary>Whole China-calendar days from submission to decision: submitted 23:50 and decided 00:10 the next day
    /// is 1.</summary>
    public static int DecisionDays(DateTime submittedUtc, DateTime decidedUtc) =>
        ChinaDay(decidedUtc).DayNumber - ChinaDay(submittedUtc).DayNumber;

    public static IReadOnlyList<JournalEntry> Submitted(CoverageCell cell, DateTime nowUtc) =>
        [new(ChinaDay(nowUtc), cell, CoverageMeasures.Submitted, 1)];

    public static IReadOnlyList<JournalEntry> Withdrawn(CoverageCell cell, DateTime nowUtc)
    {
        var day = ChinaDay(nowUtc);
        return [new(day, cell, CoverageMeasures.Submitted, -1), new(day, cell, CoverageMeasures.Withdrawn, 1)];
    }

    public static IReadOnlyList<JournalEntry> Rejected(CoverageCell cell, DateTime submittedUtc, DateTime nowUtc)
    {
        var day = ChinaDay(nowUtc);
        return
        [
            new(day, cell, CoverageMeasures.Submitted, -1),
            new(day, cell, CoverageMeasures.Rejected, 1, DecisionDays(submittedUtc, nowUtc)),
        ];
    }

    public static IReadOnlyList<JournalEntry> Approved(CoverageCell cell, DateTime submittedUtc, DateTime nowUtc)
    {
        var day = ChinaDay(nowUtc);
        return
        [
            new(day, cell, CoverageMeasures.Submitted, -1),
            new(day, cell, CoverageMeasures.Approved, 1, DecisionDays(submittedUtc, nowUtc)),
            new(day, cell, CoverageMeasures.Member, 1),
        ];
    }

    /// <summary>A corrected form may name another township or group: the rejection leaves the old cell, the new
    /// submission the new one.</summary>
    public static IReadOnlyList<JournalEntry> Resubmitted(CoverageCell before, CoverageCell after, DateTime nowUtc)
    {
        var day = ChinaDay(nowUtc);
        return [new(day, before, CoverageMeasures.Rejected, -1), new(day, after, CoverageMeasures.Submitted, 1)];
    }
}
