using MiniApp.Api.Enterprises.Formation;

namespace MiniApp.Api.Tests.Formation;

public sealed class StepTypeRulesFacts
{
    private static IReadOnlyList<StepType>? Check(Dictionary<string, string[]> errors, params StepTypeInput?[] types) =>
        StepTypeRules.Check(types, errors, () => "step_new");

    [Fact]
    public void Check_NumbersTheOrder_AndGivesNewTypesACode()
    {
        var errors = new Dictionary<string, string[]>();
        var types = Check(errors, new StepTypeInput("survey_visit", " 摸底走访 ", null, null, null), new StepTypeInput(null, "意见书", false, null, true),
            new StepTypeInput("established", "建会完成", true, true, false));
        Assert.Empty(errors);
        Assert.Equal([("survey_visit", 1), ("step_new", 2), ("established", 3)], types!.Select(t => (t.Code, t.SortOrder)));
        Assert.Equal("摸底走访", types![0].Name);
        Assert.True(types[0].Active);
        Assert.False(types[1].Active);
        Assert.True(types[1].MarksForming);
    }

    [Fact]
    public void Check_NeedsExactlyOneFinalType()
    {
        var none = new Dictionary<string, string[]>();
        Assert.Null(Check(none, new StepTypeInput("a1", "甲", true, false, false)));
        Assert.Contains("types", none.Keys);
        var two = new Dictionary<string, string[]>();
        Assert.Null(Check(two, new StepTypeInput("a1", "甲", true, true, false), new StepTypeInput("b1", "乙", true, true, false)));
        Assert.Contains("types", two.Keys);
        Assert.Contains("types[0].isFinal", two.Keys);
    }

    [Fact]
    public void Check_KeepsTheFinalTypeLastAndActive_AndOneFormingMark()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Null(Check(errors, new StepTypeInput("a1", "甲", true, false, true), new StepTypeInput("b1", "乙", true, false, true),
            new StepTypeInput("c1", "丙", false, true, true)));
        Assert.Contains("types[2].active", errors.Keys);
        Assert.Contains("types[2].marksForming", errors.Keys);
        Assert.Contains("types", errors.Keys);
    }

    [Fact]
    public void Check_WantsNamesAndDistinctCodesAndNames()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Null(Check(errors, new StepTypeInput("a1", "", true, false, false), new StepTypeInput("a1", "乙", true, false, false),
            new StepTypeInput("Bad Code", "乙", true, false, false), null, new StepTypeInput("z9", "终", true, true, false)));
        Assert.Contains("types[0].name", errors.Keys);
        Assert.Contains("types[1].code", errors.Keys);
        Assert.Contains("types[2].code", errors.Keys);
        Assert.Contains("types[2].name", errors.Keys);
        Assert.Contains("types[3].name", errors.Keys);
        Assert.Null(StepTypeRules.Check([], errors, () => "x1"));
    }
}
