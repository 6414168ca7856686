namespace MiniApp.Api.Enterprises.Formation;

public static class FormationProblems
{
    public static readonly ProblemCode OutOfOrderCode = new("formation_step_out_of_order", 409, "建会步骤须按顺序办理",
        "formation steps go one at a time; `expectedStep` names the next one");

    public static readonly ProblemCode RepeatedCode = new("formation_step_repeated", 409, "该企业当前已处于这一步骤，如需修改请编辑该步骤的记录",
        "the step is already the current one; correct it instead");

    public static readonly ProblemCode EstablishedCode = new("formation_established", 409, "该企业已建会，不能再登记或退回建会步骤",
        "the enterprise has its union; no more steps");

    public static readonly ProblemCode StepNotFoundCode = new("formation_step_not_found", 404, "建会步骤记录不存在",
        "no such formation step on that enterprise");

    public static readonly ProblemCode StepTypeInUseCode = new("step_type_in_use", 409, "该步骤类型已有企业登记使用，不能删除；可以改名或停用",
        "a step type that recorded steps use cannot be removed (deactivate it)");

    public static readonly ProblemCode TownshipMissingCode = new("enterprise_township_missing", 409,
        "企业登记信息缺少所在乡镇（街道），请先补充后再登记建会完成",
        "建会完成 needs the enterprise's township (or the park) to place its union");

    public static ProblemHttpResult EnterpriseNotFound() => EnterpriseProblems.NotFoundCode.Problem("企业不存在");

    public static ProblemHttpResult StateChanged() => EnterpriseProblems.StateChanged();

    public static ProblemHttpResult OutOfOrder(StepType expected) => OutOfOrderCode.Problem(
        $"建会步骤须按顺序办理，下一步应为“{expected.Name}”", new Dictionary<string, object?> { ["expectedStep"] = expected.Code });

    public static ProblemHttpResult Repeated(StepType current) =>
        RepeatedCode.Problem($"该企业当前已处于“{current.Name}”步骤，如需修改请编辑该步骤的记录");

    public static ProblemHttpResult Established() => EstablishedCode.Problem();

    /// <summary>
    /// The new union belongs under the township's federation (or the park's), so the register must say which.
    /// </summary>
    public static ProblemHttpResult TownshipMissing() => TownshipMissingCode.Problem();

    public static ProblemHttpResult StepNotFound() => StepNotFoundCode.Problem();

    public static ProblemHttpResult StepTypeInUse(string name) =>
        StepTypeInUseCode.Problem($"步骤类型“{name}”已有企业登记使用，不能删除；可以改名或停用");
}
