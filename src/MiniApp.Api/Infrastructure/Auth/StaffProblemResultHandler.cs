using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// Answers a failed staff policy with its problem (401 unauthorized for a lapsed account, 403 forbidden with the rule's
/// Chinese text); every other outcome goes the default way (the bearer events write those as problems too).
/// </summary>
public sealed class StaffProblemResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        var failures = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<StaffFailure>().ToList();
        if (failures is { Count: > 0 })
        {
            // A lapsed account outranks a role rule: the caller must log in again either way.
            var failure = failures.Find(f => f.Status == 401) ?? failures[0];
            await failure.Problem().ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
