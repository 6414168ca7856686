namespace MiniApp.Api.Enterprises;

public static class EnterpriseProblems
{
    public const string NotFoundCode = "enterprise_not_found";
    public const string CreditCodeTakenCode = "enterprise_credit_code_taken";
    public const string StateChangedCode = "enterprise_state_changed";
    public const string UnionEstablishedCode = "enterprise_union_established";

    public static ProblemHttpResult NotFound() => Problems.Create(404, NotFoundCode, "企业不存在或不在您负责的范围内");

    public static ProblemHttpResult CreditCodeTaken(string creditCode) =>
        Problems.Create(409, CreditCodeTakenCode, $"统一社会信用代码 {creditCode} 已登记在企业名录中，请勿重复登记");

    public static ProblemHttpResult StateChanged() => Problems.Create(409, StateChangedCode, "企业信息已被他人修改，请刷新后重试");

    public static ProblemHttpResult UnionEstablished() =>
        Problems.Create(409, UnionEstablishedCode, "该企业已建会，工会已成立，不能改回未建会或筹建中");
}
