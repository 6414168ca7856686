using MiniApp.Api.Coverage;

namespace MiniApp.Api.Tests.Coverage;

public sealed class CoverageChangesFacts
{
    private static readonly CoverageCell Guishan = new("530427001", "truck_driver");
    private static readonly CoverageCell Yangwu = new("530427100", "courier");

    // 2026-12-01 23:50 and 2026-12-02 00:10 in China (UTC+8).
    private static readonly DateTime LateEvening = new(2026, 12, 1, 15, 50, 0, DateTimeKind.Utc);
    private static readonly DateTime JustAfterMidnight = new(2026, 12, 1, 16, 10, 0, DateTimeKind.Utc);

    [Fact]
    public void ChinaDay_TurnsAtMidnightChinaTime_NotUtc()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), CoverageChanges.ChinaDay(LateEvening));
        Assert.Equal(new DateOnly(2026, 12, 2), CoverageChanges.ChinaDay(JustAfterMidnight));
    }

    [Fact]
    public void DecisionDays_CountsCalendarDaysInChina_NotElapsedHours()
    {
        Assert.Equal(1, CoverageChanges.DecisionDays(LateEvening, JustAfterMidnight));
        Assert.Equal(0, CoverageChanges.DecisionDays(JustAfterMidnight, JustAfterMidnight.AddHours(15)));
        Assert.Equal(10, CoverageChanges.DecisionDays(LateEvening, LateEvening.AddDays(10)));
    }

    [Fact]
    public void Approved_MovesOneFromSubmittedToApproved_WithItsDecisionDays_AndAddsAMember()
    {
        var day = new DateOnly(2026, 12, 2);
        Assert.Equal(
        [
            new JournalEntry(day, Guishan, CoverageMeasures.Submitted, -1),
            new JournalEntry(day, Guishan, CoverageMeasures.Approved, 1, 1),
            new JournalEntry(day, Guishan, CoverageMeasures.Member, 1),
        ], CoverageChanges.Approved(Guishan, LateEvening, JustAfterMidnight));
    }

    [Fact]
    public void Rejected_Withdrawn_Submitted_WriteTheirSignedRows()
    {
        var day = new DateOnly(2026, 12, 2);
        Assert.Equal([new JournalEntry(day, Guishan, CoverageMeasures.Submitted, -1), new JournalEntry(day, Guishan, CoverageMeasures.Rejected, 1, 0)],
            CoverageChanges.Rejected(Guishan, JustAfterMidnight, JustAfterMidnight.AddHours(1)));
        Assert.Equal([new JournalEntry(day, Guishan, CoverageMeasures.Submitted, -1), new JournalEntry(day, Guishan, CoverageMeasures.Withdrawn, 1)],
            CoverageChanges.Withdrawn(Guishan, JustAfterMidnight));
        Assert.Equal([new JournalEntry(new DateOnly(2026, 12, 1), Guishan, CoverageMeasures.Submitted, 1)],
            CoverageChanges.Submitted(Guishan, LateEvening));
    }

    [Fact]
    public void Resubmitted_TakesTheRejectionFromTheOldCell_AndSubmitsInTheNew()
    {
        var day = new DateOnly(2026, 12, 2);
        Assert.Equal([new JournalEntry(day, Guishan, CoverageMeasures.Rejected, -1), new JournalEntry(day, Yangwu, CoverageMeasures.Submitted, 1)],
            CoverageChanges.Resubmitted(Guishan, Yangwu, JustAfterMidnight));
    }

    [Fact]
    public void EveryChange_KeepsTheNumberOfApplicationsInTheCounty()
    {
        var applications = new[] { CoverageMeasures.Submitted, CoverageMeasures.Approved, CoverageMeasures.Rejected, CoverageMeasures.Withdrawn };
        int Net(IEnumerable<JournalEntry> rows) => rows.Where(r => applications.Contains(r.Measure)).Sum(r => r.Delta);

        Assert.Equal(1, Net(CoverageChanges.Submitted(Guishan, LateEvening)));
        Assert.Equal(0, Net(CoverageChanges.Approved(Guishan, LateEvening, JustAfterMidnight)));
        Assert.Equal(0, Net(CoverageChanges.Rejected(Guishan, LateEvening, JustAfterMidnight)));
        Assert.Equal(0, Net(CoverageChanges.Withdrawn(Guishan, LateEvening)));
        Assert.Equal(0, Net(CoverageChanges.Resubmitted(Guishan, Yangwu, LateEvening)));
    }
}
