namespace MiniApp.WeChat.Sandbox;

/// <summary><c>POST /cgi-bin/stable_token</c>.</summary>
internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cgi-bin/stable_token", StableToken).WithFaults(SandboxApis.StableToken);
        return app;
    }

    private static async Task<IResult> StableToken(HttpRequest http, IOptions<SandboxOptions> options,
        TokenStore tokens)
    {
        var request = await SandboxJson.TryReadAsync<Request>(http, SandboxJson.WeChat);
        if (request is null)
        {
            return WeChatErrors.Error(WeChatErrors.DataFormatError);
        }

        if (request.GrantType != "client_credential")
        {
            return WeChatErrors.Error(WeChatErrors.InvalidGrantType);
        }

        if (LoginEndpoints.CheckApp(request.AppId, request.Secret, options.Value) is { } appError)
        {
            return appError;
        }

        var (token, expiresIn) = tokens.GetStable(request.ForceRefresh ?? false);
        return TypedResults.Json(new { access_token = token, expires_in = expiresIn }, SandboxJson.WeChat);
    }

    private sealed record Request(
        [property: JsonPropertyName("grant_type")] string? GrantType,
        [property: JsonPropertyName("appid")] string? AppId,
        [property: JsonPropertyName("secret")] string? Secret,
        [property: JsonPropertyName("force_refresh")] bool? ForceRefresh);
}
