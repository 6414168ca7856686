namespace MiniApp.Api.Applications;

public static class ApplicationProblems
{
    public static readonly ProblemCode AlreadyMemberCode = new("already_member", 409, "您已是工会会员，无需重复申请",
        "to a worker: the caller is that active member (own account, or the bound phone matches; see the join flow's "
        + "rules); to a reviewer approving: the person became a member through another application");

    public static readonly ProblemCode ApplicationExistsCode = new("application_exists", 409,
        "您已有一份待审核的入会申请，请等待审核结果，或撤回后再提交",
        "the caller's account already has an application waiting for review; `applicationId` names it (always the "
        + "caller's own)");

    public static readonly ProblemCode StateChangedCode = new("application_state_changed", 409, "该申请的状态已变化，请刷新后查看",
        "someone else decided or the worker withdrew first; refresh");

    public static readonly ProblemCode IdempotencyKeyReusedCode = new("idempotency_key_reused", 422,
        "同一个提交编号已用于另一份内容不同的申请，请刷新页面后重新提交",
        "an Idempotency-Key already used for a different form");

    public static readonly ProblemCode NotFoundCode = new("application_not_found", 404, "申请不存在",
        "no such application, or not the caller's (or outside a reviewer's scope)");

    public static ProblemHttpResult AlreadyMember() => AlreadyMemberCode.Problem();

    /// <summary>Only ever names the caller's own open application.</summary>
    public static ProblemHttpResult ApplicationExists(long? applicationId) =>
        ApplicationExistsCode.Problem(
            extensions: new Dictionary<string, object?> { ["applicationId"] = applicationId });

    /// <summary>To a reviewer: another application of the same person was approved first.</summary>
    public static ProblemHttpResult PersonIsMember() => AlreadyMemberCode.Problem(
        "同一身份证号已是工会会员（另一份申请已通过），本申请不能再通过。若申请人正是该会员本人可选择“已是工会会员”，"
        + "否则请选择“身份信息无法核实”，不要向申请人透露他人的会员身份");

    public static ProblemHttpResult StateChanged() => StateChangedCode.Problem();

    public static ProblemHttpResult NotFound() => NotFoundCode.Problem();

    public static ProblemHttpResult IdempotencyKeyReused() => IdempotencyKeyReusedCode.Problem();
}
