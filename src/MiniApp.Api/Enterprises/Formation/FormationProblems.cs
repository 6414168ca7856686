namespace MiniApp.Api.Enterprises.Formation;

public static class FormationProblems
{
    public const string EnterpriseNotFoundCode = "enterprise_not_found";
    public const string StateChangedCode = "enterprise_state_changed";
    public const string OutOfOrderCode = "formation_step_out_of_order";
    public const string RepeatedCode = "formation_step_repeated";
    public const string EstablishedCode = "formation_established";
    public const string StepNotFoundCode = "formation_step_not_found";
    public const string StepTypeInUseCode = "step_type_in_use";
    public const string TownshipMissingCode = "enterprise_township_missing";

    public static ProblemHttpResult EnterpriseNotFound() => Problems.Create(404, EnterpriseNotFoundCode, "企业不存在");

    public static ProblemHttpResult StateChanged() => Problems.Create(409, StateChangedCode, "企业信息已被他人修改，请刷新后重试");

    public static ProblemHttpResult OutOfOrder(StepType expected) => Problems.Create(409, OutOfOrderCode,
        $"建会步骤须按顺序办理，下一步应为“{expected.Name}”", new Dictionary<string, object?> { ["expectedStep"] = expected.Code });

    public static ProblemHttpResult Repeated(StepType current) => Problems.Create(409, RepeatedCode,
        $"该企业当前已处于“{current.Name}”步骤，如需修改请编辑该步骤的记录");

    public static ProblemHttpResult Established() => Problems.Create(409, EstablishedCode, "该企业已建会，不能再登记或退回建会步骤");

    /// <summary>The new union belongs under the township's federation (or the park's), so the register must say which.</summary>
    public static ProblemHttpResult TownshipMissing() => Problems.Create(409, TownshipMissingCode,
        "企业登记信息缺少所在乡镇（街道），请先补充后再登记建会完成");

    public static ProblemHttpResult StepNotFound() => Problems.Create(404, StepNotFoundCode, "建会步骤记录不存在");

    public static ProblemHttpResult StepTypeInUse(string name) => Problems.Create(409, StepTypeInUseCode,
        $"步骤类型“{name}”已有企业登记使用，不能删除；可以改名或停用");
}
