namespace MiniApp.Api.Applications;

public static class ApplicationProblems
{
    public const string AlreadyMemberCode = "already_member";
    public const string ApplicationExistsCode = "application_exists";
    public const string StateChangedCode = "application_state_changed";
    public const string IdempotencyKeyReusedCode = "idempotency_key_reused";
    public const string NotFoundCode = "application_not_found";

    public static ProblemHttpResult AlreadyMember() => Problems.Create(409, AlreadyMemberCode, "您已是工会会员，无需重复申请");

    /// <summary>Only ever names the caller's own open application.</summary>
    public static ProblemHttpResult ApplicationExists(long? applicationId) => Problems.Create(409, ApplicationExistsCode,
        "您已有一份待审核的入会申请，请等待审核结果，或撤回后再提交", new Dictionary<string, object?> { ["applicationId"] = applicationId });

    /// <summary>To a reviewer: another application of the same person was approved first.</summary>
    public static ProblemHttpResult PersonIsMember() => Problems.Create(409, AlreadyMemberCode,
        "同一身份证号已是工会会员（另一份申请已通过），本申请不能再通过。若申请人正是该会员本人可选择“已是工会会员”，"
        + "否则请选择“身份信息无法核实”，不要向申请人透露他人的会员身份");

    public static ProblemHttpResult StateChanged() => Problems.Create(409, StateChangedCode, "该申请的状态已变化，请刷新后查看");

    public static ProblemHttpResult NotFound() => Problems.Create(404, NotFoundCode, "申请不存在");

    public static ProblemHttpResult IdempotencyKeyReused() => Problems.Create(422, IdempotencyKeyReusedCode,
        "同一个提交编号已用于另一份内容不同的申请，请刷新页面后重新提交");
}
