namespace MiniApp.WeChat.Internal;

/// <summary>
/// Every log line of the client. None of them takes a code, session_key, token, secret, phone number or openid:
/// only api names, errcodes, WeChat's errmsg (which carries the rid support asks for) and URL paths without queries.
/// </summary>
internal static partial class WeChatLog
{
    [LoggerMessage(1, LogLevel.Warning, "WeChat {Api} failed: errcode {ErrCode}, {ErrMsg}")]
    public static partial void ApiFailed(ILogger logger, string api, int errCode, string? errMsg);

    [LoggerMessage(2, LogLevel.Warning, "WeChat {Api} unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string api, string reason, Exception? exception);

    [LoggerMessage(3, LogLevel.Warning,
        "WeChat {Path} attempt {Attempt} failed with {Failure}; retrying in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, string path, int attempt, string failure, double delayMs);

    [LoggerMessage(4, LogLevel.Warning,
        "WeChat {Api} rejected the access token with errcode {ErrCode}; refreshing it and retrying once")]
    public static partial void TokenRejected(ILogger logger, string api, int errCode);

    [LoggerMessage(5, LogLevel.Information,
        "Fetched a WeChat access token for {AppId} (force_refresh {ForceRefresh}), cached for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, string appId, bool forceRefresh, TimeSpan lifetime);

    [LoggerMessage(6, LogLevel.Warning, "WeChat returned the rejected access token again but force_refresh ran "
        + "less than {Spacing} ago; not forcing again")]
    public static partial void ForceRefreshSkipped(ILogger logger, TimeSpan spacing);

    [LoggerMessage(7, LogLevel.Warning, "The access-token cache failed during {Operation}; using this node's own copy")]
    public static partial void TokenCacheFailed(ILogger logger, string operation, Exception exception);
}
