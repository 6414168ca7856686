namespace MiniApp.WeChat.Sandbox;

/// <summary>WeChat-style failures: HTTP 200 with <c>{"errcode","errmsg"}</c>, errmsg ending in <c> rid:
/// …</c>.</summary>
internal static class WeChatErrors
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidGrantType = 40002;
    public const int InvalidOpenId = 40003;
    public const int InvalidAppId = 40013;
    public const int InvalidCode = 40029;
    public const int InvalidTemplateId = 40037;
    public const int InvalidArgs = 40097;
    public const int InvalidAppSecret = 40125;
    public const int InvalidScene = 40129;
    public const int InvalidSceneLength = 40169;
    public const int AccessTokenMissing = 41001;
    public const int AppIdMissing = 41002;
    public const int AppSecretMissing = 41004;
    public const int CodeMissing = 41008;
    public const int InvalidPage = 41030;
    public const int AccessTokenExpired = 42001;
    public const int UserRefused = 43101;
    public const int EmptyContent = 44002;
    public const int DataFormatError = 47001;
    public const int ArgumentInvalid = 47003;

    private static readonly Dictionary<int, string> Messages = new()
    {
        [SystemBusy] = "system error",
        [InvalidCredential] = "invalid credential, access_token is invalid or not latest",
        [InvalidGrantType] = "invalid grant_type",
        [InvalidOpenId] = "invalid openid",
        [InvalidAppId] = "invalid appid",
        [InvalidCode] = "invalid code",
        [InvalidTemplateId] = "invalid template_id",
        [InvalidArgs] = "invalid args",
        [InvalidAppSecret] = "invalid appsecret",
        [InvalidScene] = "invalid scene",
        [InvalidSceneLength] = "invalid length for scene, or the data is not json string",
        [AccessTokenMissing] = "access_token missing",
        [AppIdMissing] = "appid missing",
        [AppSecretMissing] = "appsecret missing",
        [CodeMissing] = "missing code",
        [InvalidPage] = "invalid page",
        [AccessTokenExpired] = "access_token expired",
        [UserRefused] = "user refuse to accept the msg",
        [EmptyContent] = "empty content",
        [DataFormatError] = "data format error",
        [ArgumentInvalid] = "argument invalid!",
        [45009] = "reach max api daily quota limit",
        [45011] = "api minute-quota reach limit, mustslower retry next minute",
        [40226] = "high risk user, login blocked",
    };

    public static IResult Error(int errcode, string? errmsg = null)
    {
        var message = errmsg ?? Messages.GetValueOrDefault(errcode, "sandbox error");
        return TypedResults.Json(new { errcode, errmsg = $"{message} rid: {SandboxIds.NewRid()}" }, SandboxJson.WeChat);
    }
}
