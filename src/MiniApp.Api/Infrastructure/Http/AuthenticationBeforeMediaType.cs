using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Template;

namespace MiniApp.Api.Infrastructure.Http;

/// <summary>
/// Routing answers a body of the wrong Content-Type with its own 415 endpoint before authentication runs, so an
/// anonymous caller would learn what an endpoint accepts before being told to log in. This puts the 401 first: when
/// routing chose the 415 endpoint for an anonymous caller and an endpoint at that address and method needs a login,
/// the answer is 401.
/// </summary>
public static class AuthenticationBeforeMediaType
{
    // The display name of routing's 415 endpoint (Microsoft.AspNetCore.Routing.Matching.AcceptsMatcherPolicy).
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    private static readonly ConcurrentDictionary<RouteEndpoint, TemplateMatcher> Matchers = new();

    public static IApplicationBuilder UseAuthenticationBeforeMediaType(this IApplicationBuilder app) =>
        app.Use(ChallengeFirstAsync);

    private static async Task ChallengeFirstAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.DisplayName == UnsupportedMediaTypeEndpoint
            && context.User.Identity?.IsAuthenticated != true && NeedsLogin(context))
        {
            await Problems.SessionExpired().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsLogin(HttpContext context)
    {
        var sources = context.RequestServices.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
                continue;
            var matcher = Matchers.GetOrAdd(endpoint,
                e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText ?? "/"), new()));
            if (!matcher.TryMatch(context.Request.Path, new RouteValueDictionary())) continue;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null)
                return true;
        }
        return false;
    }
}
