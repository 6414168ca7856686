namespace MiniApp.Api.StaffAccounts;

public static class StaffAccountProblems
{
    public static readonly ProblemCode UsernameTakenCode = new("username_taken", 409, "该用户名已被使用",
        "a staff username in use");
}
