using Microsoft.AspNetCore.Http.Metadata;

namespace MiniApp.Api.Infrastructure.RateLimiting;

public static class RateLimitEndpoints
{
    /// <summary>
    /// Puts the endpoint under a rate-limit policy and says so in its OpenAPI description: 429 rate_limited with
    /// Retry-After, and what the limit counts per.
    /// </summary>
    public static RouteHandlerBuilder WithRateLimit(this RouteHandlerBuilder builder, string policy)
    {
        var per = policy == RateLimitPolicies.WorkerWrites ? "per worker account (and per day)" : "per client address";
        builder.RequireRateLimiting(policy);
        if (policy == RateLimitPolicies.WorkerWrites) builder.AddEndpointFilter(RateLimitPolicies.RefundServerErrors);
        builder.ProducesProblem(StatusCodes.Status429TooManyRequests);
        // After every other convention, so the note follows the endpoint's own description whatever the call order.
        builder.Finally(endpoint =>
        {
            var description = endpoint.Metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description;
            var note = $"Limited {per}: rate_limited (429, with Retry-After).";
            var described = description is null ? note : $"{description} {note}";
            endpoint.Metadata.Add(new EndpointDescriptionAttribute(described));
        });
        return builder;
    }
}
