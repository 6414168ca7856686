using Microsoft.AspNetCore.Mvc;

namespace MiniApp.WeChat.Sandbox;

/// <summary><c>GET /sns/jscode2session</c> (auth.code2Session).</summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sns/jscode2session", CodeToSession).WithFaults(SandboxApis.JsCode2Session);
        return app;
    }

    private static IResult CodeToSession(
        [FromQuery] string? appid,
        [FromQuery] string? secret,
        [FromQuery(Name = "js_code")] string? jsCode,
        [FromQuery(Name = "grant_type")] string? grantType,
        IOptions<SandboxOptions> options,
        UserStore users)
    {
        if (CheckApp(appid, secret, options.Value) is { } appError)
        {
            return appError;
        }

        if (grantType != "authorization_code")
        {
            return WeChatErrors.Error(WeChatErrors.InvalidGrantType);
        }

        if (string.IsNullOrEmpty(jsCode))
        {
            return WeChatErrors.Error(WeChatErrors.CodeMissing);
        }

        var session = users.RedeemLoginCode(jsCode);
        if (session is null)
        {
            return WeChatErrors.Error(WeChatErrors.InvalidCode);
        }

        // Success carries no errcode, as on WeChat.
        return TypedResults.Json(new Response(session.OpenId, session.SessionKey, session.UnionId), SandboxJson.WeChat);
    }

    /// <summary>The appid/secret checks shared with stable_token.</summary>
    public static IResult? CheckApp(string? appid, string? secret, SandboxOptions options) =>
        string.IsNullOrEmpty(appid) ? WeChatErrors.Error(WeChatErrors.AppIdMissing)
        : appid != options.AppId ? WeChatErrors.Error(WeChatErrors.InvalidAppId)
        : string.IsNullOrEmpty(secret) ? WeChatErrors.Error(WeChatErrors.AppSecretMissing)
        : secret != options.AppSecret ? WeChatErrors.Error(WeChatErrors.InvalidAppSecret)
        : null;

    private sealed record Response(
        [property: JsonPropertyName("openid")] string OpenId,
        [property: JsonPropertyName("session_key")] string SessionKey,
        [property: JsonPropertyName("unionid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        string? UnionId);
}
