namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// The token says county admin; this checks the account still is one, enabled and with the password it logged in with,
/// so a disabled or demoted admin loses these endpoints at once rather than when the token runs out.
/// </summary>
public static class CurrentCountyAdminFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context,
        EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var dataSource = http.RequestServices.GetRequiredService<MySqlDataSource>();
        await using (var connection = await dataSource.OpenConnectionAsync(http.RequestAborted))
        {
            var staff = await StaffContext.LoadAsync(connection, http.User, http.RequestAborted);
            if (staff is null) return Problems.SessionExpired();
            if (!staff.IsCountyAdmin) return ProblemCodes.Forbidden.Problem();
        }
        return await next(context);
    }
}
