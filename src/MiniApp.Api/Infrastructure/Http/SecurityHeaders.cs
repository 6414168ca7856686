namespace MiniApp.Api.Infrastructure.Http;

/// <summary>
/// Headers that keep browsers from guessing content types, framing our pages or sending our addresses elsewhere. API
/// answers are JSON, so their policy allows nothing; the two pages a browser opens (/docs, /hangfire) load their own
/// scripts and styles only. HSTS once the request came over HTTPS (directly or through a known proxy).
/// </summary>
public static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Scalar and the Hangfire dashboard write small inline scripts and styles; nothing is loaded from another origin.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' "
        + "data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action "
        + "'self'";

    /// <summary>Set as the response starts, so that answers written after an exception (which clears headers) carry
    /// them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, params string[] pagePaths) =>
        app.Use((context, next) => SetAsync(context, next, pagePaths));

    private static Task SetAsync(HttpContext context, RequestDelegate next, string[] pagePaths)
    {
        // Decided now: inside a mapped branch (the dashboard) Path no longer holds the prefix.
        var policy = pagePaths.Any(path => context.Request.Path.StartsWithSegments(path)) ? PagePolicy : ApiPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = policy;
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
