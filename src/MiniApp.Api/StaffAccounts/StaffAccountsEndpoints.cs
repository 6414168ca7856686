namespace MiniApp.Api.StaffAccounts;

public static class StaffAccountsEndpoints
{
    public static IEndpointRouteBuilder MapStaffAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/accounts").WithTags("Staff: accounts")
            .RequireAuthorization(Policies.CountyAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListStaffAccounts.Handle).WithSummary("Every staff account (county admins only)");
        group.MapPost("/", CreateStaffAccount.Handle)
            .WithSummary("Create a staff account for a union")
            .WithDescription("Problem codes: validation_failed, username_taken (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/disable", ChangeStaffAccount.Disable)
            .WithSummary("Disable an account; its tokens stop working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/enable", ChangeStaffAccount.Enable).WithSummary("Enable a disabled account")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/reset-password", ChangeStaffAccount.ResetPassword)
            .WithSummary("Set a new password and lift a lockout")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
