namespace MiniApp.WeChat;

/// <summary>WeChat answered with a non-zero errcode. ErrMsg is WeChat's text (it ends with a rid for
/// support).</summary>
public class WeChatApiException(string api, int errCode, string errMsg)
    : Exception($"WeChat {api} failed: errcode {errCode}, {errMsg}")
{
    public string Api { get; } = api;
    public int ErrCode { get; } = errCode;
    public string ErrMsg { get; } = errMsg;

    /// <summary>The login or phone code is invalid, expired or used (40029, also 40163 "code been used").</summary>
    public bool IsInvalidCode => ErrCode is WeChatErrorCodes.InvalidCode or WeChatErrorCodes.CodeBeenUsed;
}

/// <summary>WeChat stayed busy (-1), answered 5xx, timed out or could not be reached, after the safe retries.</summary>
public class WeChatUnavailableException(string api, string reason, Exception? inner = null)
    : Exception($"WeChat {api} unavailable: {reason}", inner)
{
    public string Api { get; } = api;
}

public static class WeChatErrorCodes
{
    public const int Busy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int InvalidAppId = 40013;
    public const int InvalidAppSecret = 40125;
    public const int InvalidCode = 40029;
    public const int CodeBeenUsed = 40163;
    public const int InvalidOpenId = 40003;
    public const int InvalidTemplateId = 40037;
    public const int DataFormatInvalid = 47003;
    public const int SubscriptionRequired = 43101;
    public const int InvalidSceneLength = 40169;
    public const int InvalidSceneCharacters = 40129;
    public const int PageNotFound = 41030;
    public const int MinuteQuota = 45011;
    public const int DailyQuota = 45009;
    public const int HighRiskUser = 40226;
}
