using MiniApp.Api.Enterprises.Formation;

namespace MiniApp.Api.Tests.Formation;

public sealed class StepFieldsFacts
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    [Fact]
    public void Check_AcceptsOrderedDates_AndNoDates()
    {
        Assert.Empty(StepFields.Check(Today.AddDays(-5), Today, Today.AddDays(10), "已送达", Today));
        Assert.Empty(StepFields.Check(null, null, null, null, Today));
        Assert.Empty(StepFields.Check(Today, Today, Today, null, Today));
    }

    [Fact]
    public void Check_RefusesAnswersAndDeadlinesBeforeServing()
    {
        var errors = StepFields.Check(Today.AddDays(-1), Today.AddDays(-2), Today.AddDays(-3), null, Today);
        Assert.Equal(["answeredOn", "deadline"], errors.Keys.Order());
    }

    [Fact]
    public void Check_RefusesDatesInTheFuture_AndLongNotes()
    {
        var errors = StepFields.Check(Today.AddDays(1), Today.AddDays(2), Today.AddDays(30), new string('注', 501), Today);
        Assert.Equal(["answeredOn", "note", "servedOn"], errors.Keys.Order());
    }
}
