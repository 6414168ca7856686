using MiniApp.Api.Coverage.Bulletin;
using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Tests.Reports;

public sealed class BulletinLaggardsFacts
{
    private static ReportRow Row(string key, long workers, long members)
    {
        var rate = CoverageRates.Rate(members, workers);
        var figures = new WorkerFigures(workers, 0, 0, null, members, members, rate, CoverageRates.GapToTarget(rate), WorkerFigures.SurveyedGroup,
            0, 0, 0, 0, 0, 0, 0, 0, null, null);
        return new ReportRow(key, key, figures, null);
    }

    [Fact]
    public void Behind_TakesTheThreeLargestGaps_OnlyBehindTheTarget_TiesInReferenceOrder()
    {
        var rows = new[]
        {
            Row("a", 100, 45), Row("b", 100, 20), Row("c", 0, 5), Row("d", 100, 70), Row("e", 100, 20), Row("f", 100, 60), Row("g", 100, 30),
        };

        var behind = WeeklyBulletin.Behind(rows);

        Assert.Equal(["b", "e", "g"], behind.Select(l => l.Key));
        Assert.Equal(0.4m, behind[0].GapToTarget);
        Assert.Empty(WeeklyBulletin.Behind([Row("x", 100, 60), Row("y", 0, 0)]));
    }
}
