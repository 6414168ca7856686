namespace MiniApp.Api.Members;

public static class MemberProblems
{
    public static readonly ProblemCode NotAMemberCode = new("not_a_member", 404, "您还不是工会会员，可先提交入会申请",
        "no membership card yet");
}
