namespace MiniApp.Api.Enterprises;

public static class EnterpriseProblems
{
    public static readonly ProblemCode NotFoundCode = new("enterprise_not_found", 404, "企业不存在或不在您负责的范围内",
        "no such enterprise, or outside the caller's scope");

    public static readonly ProblemCode CreditCodeTakenCode = new("enterprise_credit_code_taken", 409,
        "该统一社会信用代码已登记在企业名录中，请勿重复登记", "another enterprise has that 统一社会信用代码");

    public static readonly ProblemCode StateChangedCode = new("enterprise_state_changed", 409, "企业信息已被他人修改，请刷新后重试",
        "the enterprise changed since it was read (`version`); refresh");

    public static readonly ProblemCode UnionEstablishedCode = new("enterprise_union_established", 409,
        "该企业已建会，工会已成立，不能改回未建会或筹建中", "an established enterprise cannot go back to 未建会 / 筹建中");

    public static ProblemHttpResult NotFound() => NotFoundCode.Problem();

    public static ProblemHttpResult CreditCodeTaken(string creditCode) =>
        CreditCodeTakenCode.Problem($"统一社会信用代码 {creditCode} 已登记在企业名录中，请勿重复登记");

    public static ProblemHttpResult StateChanged() => StateChangedCode.Problem();

    public static ProblemHttpResult UnionEstablished() => UnionEstablishedCode.Problem();
}
