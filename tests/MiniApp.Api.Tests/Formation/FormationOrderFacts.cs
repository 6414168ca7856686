using MiniApp.Api.Enterprises.Formation;

namespace MiniApp.Api.Tests.Formation;

public sealed class FormationOrderFacts
{
    private static List<StepType> Defaults() =>
    [
        new("survey_visit", "摸底走访", 1, false, true, false),
        new("reminder_letter", "提示函", 2, false, true, false),
        new("notice", "告知书", 3, false, true, false),
        new("commitment", "承诺书", 4, false, true, false),
        new("preparatory_group", "筹备组成立", 5, false, true, true),
        new("election", "会员大会选举", 6, false, true, false),
        new("established", "建会完成", 7, true, true, false),
    ];

    private static List<StepType> With(string code, Func<StepType, StepType> change) =>
        Defaults().Select(t => t.Code == code ? change(t) : t).ToList();

    [Fact]
    public void Next_IsTheFirstActiveType_WhenNoStepYet()
    {
        Assert.Equal("survey_visit", new FormationOrder(Defaults()).Next(null)!.Code);
        Assert.Equal("reminder_letter", new FormationOrder(With("survey_visit", t => t with { Active = false })).Next(null)!.Code);
    }

    [Fact]
    public void Next_SkipsInactiveTypes_AndIsNoneAfterTheFinalType()
    {
        var order = new FormationOrder(With("notice", t => t with { Active = false }));
        Assert.Equal("commitment", order.Next("reminder_letter")!.Code);
        Assert.Equal("commitment", order.Next("notice")!.Code);
        Assert.Null(order.Next("established"));
    }

    [Fact]
    public void Next_FollowsSortOrder_NotListOrder()
    {
        var shuffled = Defaults().AsEnumerable().Reverse().ToList();
        Assert.Equal("notice", new FormationOrder(shuffled).Next("reminder_letter")!.Code);
    }

    [Theory]
    [InlineData(null, "survey_visit", StepMove.Forward)]
    [InlineData(null, "reminder_letter", StepMove.Skip)]
    [InlineData("notice", "commitment", StepMove.Forward)]
    [InlineData("notice", "preparatory_group", StepMove.Skip)]
    [InlineData("notice", "established", StepMove.Skip)]
    [InlineData("notice", "notice", StepMove.Same)]
    [InlineData("notice", "survey_visit", StepMove.Back)]
    [InlineData("election", "established", StepMove.Forward)]
    [InlineData("established", "election", StepMove.Finished)]
    [InlineData("established", "established", StepMove.Finished)]
    [InlineData("notice", "no_such_step", StepMove.Unknown)]
    public void Classify_TellsForwardSkipSameBackAndFinished(string? current, string requested, StepMove expected) =>
        Assert.Equal(expected, new FormationOrder(Defaults()).Classify(current, requested));

    [Fact]
    public void Classify_RefusesAnInactiveType_EvenAsAStepBack()
    {
        var order = new FormationOrder(With("reminder_letter", t => t with { Active = false }));
        Assert.Equal(StepMove.Inactive, order.Classify("commitment", "reminder_letter"));
        Assert.Equal(StepMove.Forward, order.Classify("survey_visit", "notice"));
    }

    [Theory]
    [InlineData(null, "none")]
    [InlineData("survey_visit", "none")]
    [InlineData("commitment", "none")]
    [InlineData("preparatory_group", "forming")]
    [InlineData("election", "forming")]
    [InlineData("established", "established")]
    public void StatusAt_IsFormingFromThePreparatoryGroup_EstablishedAtTheFinalType(string? current, string expected) =>
        Assert.Equal(expected, new FormationOrder(Defaults()).StatusAt(current));

    [Fact]
    public void StatusAt_KeepsTheFormingMark_WhenItsTypeIsDeactivated()
    {
        var order = new FormationOrder(With("preparatory_group", t => t with { Active = false }));
        Assert.Equal("none", order.StatusAt("commitment"));
        Assert.Equal("forming", order.StatusAt("election"));
    }

    [Fact]
    public void StatusAt_HasNoFormingStage_WhenNoTypeIsMarked()
    {
        var order = new FormationOrder(With("preparatory_group", t => t with { MarksForming = false }));
        Assert.Equal("none", order.StatusAt("election"));
        Assert.Equal("established", order.StatusAt("established"));
    }
}
