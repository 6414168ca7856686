using Microsoft.AspNetCore.Authorization;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// A rule of a staff policy: the account behind the token must still be enabled with the password it logged in with
/// (read fresh, once per request, by <see cref="CurrentStaffHandler"/>), and <see cref="Allows"/> must accept it.
/// <see cref="ForbiddenDetail"/> is the Chinese text of the 403 when it does not.
/// </summary>
public sealed class CurrentStaffRequirement(Func<StaffContext, bool>? allows, string forbiddenDetail)
    : IAuthorizationRequirement
{
    public string ForbiddenDetail { get; } = forbiddenDetail;

    public bool Allows(StaffContext staff) => allows?.Invoke(staff) ?? true;
}

/// <summary>
/// Loads the calling staff member once per request and keeps it on the request, where handlers receive it as a
/// <see cref="StaffContext"/> parameter (and the scopes built from it). A lapsed account fails the policy with 401,
/// a role the rule does not allow with 403; <see cref="StaffProblemResultHandler"/> writes both as our problem details.
/// </summary>
public sealed class CurrentStaffHandler(MySqlDataSource dataSource) : AuthorizationHandler<CurrentStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        CurrentStaffRequirement requirement)
    {
        // A worker's token or none at all: the policy's claim rule answers (401 or 403), nothing to read.
        if (context.Resource is not HttpContext http || !context.User.HasClaim(AppClaims.Kind, AppClaims.StaffKind))
            return;

        var staff = await CurrentStaff.LoadAsync(http, dataSource);
        if (staff is null) context.Fail(
            new StaffFailure(this, ProblemCodes.Unauthorized, Problems.SessionExpiredDetail));
        else if (!requirement.Allows(staff)) context.Fail(
            new StaffFailure(this, ProblemCodes.Forbidden, requirement.ForbiddenDetail));
        else context.Succeed(requirement);
    }
}

/// <summary>Why a staff policy failed, as the problem to answer.</summary>
public sealed class StaffFailure(IAuthorizationHandler handler, ProblemCode code, string detail)
    : AuthorizationFailureReason(handler, detail)
{
    public int Status => code.Status;

    public ProblemHttpResult Problem() => code.Problem(Message);
}

/// <summary>The staff member of the current request, as the staff policy loaded it.</summary>
public static class CurrentStaff
{
    private sealed record Loaded(StaffContext? Staff);

    /// <summary>The staff member, read at most once per request (null when the account lapsed).</summary>
    public static async Task<StaffContext?> LoadAsync(HttpContext http, MySqlDataSource dataSource)
    {
        if (http.Features.Get<Loaded>() is { } loaded) return loaded.Staff;
        await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        var staff = await StaffContext.LoadAsync(connection, http.User, http.RequestAborted);
        http.Features.Set(new Loaded(staff));
        return staff;
    }

    /// <summary>
    /// The staff member a staff policy admitted; an endpoint without one is a mistake in its mapping.
    /// </summary>
    public static StaffContext Of(HttpContext http) =>
        http.Features.Get<Loaded>()?.Staff
        ?? throw new InvalidOperationException(
            $"{http.Request.Method} {http.Request.Path}: the endpoint takes the staff member but has no staff policy.");
}
