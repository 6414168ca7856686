namespace MiniApp.Api.StaffAccounts;

public static class StaffAccountsEndpoints
{
    private static readonly EndpointProblem OwnAccount = ProblemCodes.ValidationFailed.Because("one's own account");

    public static IEndpointRouteBuilder MapStaffAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/accounts").WithTags("Staff: accounts")
            .RequireAuthorization(Policies.CountyAdmin)
            .WithProblems(EndpointProblems.CountyAdmin);
        group.MapGet("/", ListStaffAccounts.Handle).WithSummary("Every staff account (county admins only)")
            .WithResponseExample(StaffAccountExamples.Accounts);
        group.MapPost("/", CreateStaffAccount.Handle)
            .WithSummary("Create a staff account for a union")
            .WithProblems(ProblemCodes.ValidationFailed, StaffAccountProblems.UsernameTakenCode)
            .WithRequestExample(StaffAccountExamples.Create)
            .WithResponseExample(StaffAccountExamples.Account);
        group.MapPost("/{id:long}/disable", ChangeStaffAccount.Disable)
            .WithSummary("Disable an account; its tokens stop working at once")
            .WithProblems(OwnAccount, ProblemCodes.NotFound)
            .WithResponseExample(StaffAccountExamples.Disabled);
        group.MapPost("/{id:long}/enable", ChangeStaffAccount.Enable).WithSummary("Enable a disabled account")
            .WithProblems(OwnAccount, ProblemCodes.NotFound)
            .WithResponseExample(StaffAccountExamples.Account);
        group.MapPost("/{id:long}/reset-password", ChangeStaffAccount.ResetPassword)
            .WithSummary("Set a new password and lift a lockout")
            .WithProblems(ProblemCodes.ValidationFailed.Because("password rules"), ProblemCodes.NotFound)
            .WithRequestExample(StaffAccountExamples.ResetPassword)
            .WithResponseExample(StaffAccountExamples.Account);
        return app;
    }
}
