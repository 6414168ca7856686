namespace MiniApp.WeChat.Sandbox;

/// <summary>Checks <c>?access_token=</c> on business APIs: 41001 missing, 40001 unknown or revoked, 42001
/// expired.</summary>
/// <remarks>
/// Only the query string counts. WeChat answers a token sent in the JSON body instead with 47001 (on a POST the
/// token goes only in the query); the sandbox does not look into the body and answers 41001, which still fails such a
/// client.
/// </remarks>
internal sealed class AccessTokenFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? token = http.Request.Query["access_token"];
        if (string.IsNullOrEmpty(token))
        {
            return WeChatErrors.Error(WeChatErrors.AccessTokenMissing);
        }

        return http.RequestServices.GetRequiredService<TokenStore>().Check(token) switch
        {
            TokenStatus.Valid => await next(context),
            TokenStatus.Expired => WeChatErrors.Error(WeChatErrors.AccessTokenExpired),
            _ => WeChatErrors.Error(WeChatErrors.InvalidCredential),
        };
    }
}

internal static class AccessTokenFilterExtensions
{
    public static RouteHandlerBuilder RequireAccessToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(new AccessTokenFilter());
}
