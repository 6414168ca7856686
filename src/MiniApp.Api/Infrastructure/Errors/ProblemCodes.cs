namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>The stable machine codes of our problem details. The mini-program switches on these; never rename one.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string RateLimited = "rate_limited";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UriTooLong = "uri_too_long";
    public const string HeadersTooLarge = "headers_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string ImportTooLarge = "import_too_large";
    public const string InternalError = "internal_error";
    public const string WeChatCodeInvalid = "wechat_code_invalid";
    public const string WeChatUnavailable = "wechat_unavailable";
    public const string WeChatLoginBlocked = "wechat_login_blocked";
    public const string WeChatError = "wechat_error";
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string PhoneDataInvalid = "phone_data_invalid";
    public const string DatabaseBusy = "database_busy";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string CacheUnavailable = "cache_unavailable";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>The code and the Chinese text used when a status arrives without one of our own.</summary>
    public static (string Code, string Detail) ForStatus(int status) => status switch
    {
        400 => (BadRequest, "请求格式不正确"),
        401 => (Unauthorized, "请先登录"),
        403 => (Forbidden, "没有权限执行此操作"),
        404 => (NotFound, "请求的内容不存在"),
        405 => (MethodNotAllowed, "不支持该请求方式"),
        409 => (Conflict, "数据已被修改，请刷新后重试"),
        413 => (PayloadTooLarge, "提交的内容过大"),
        414 => (UriTooLong, "请求地址过长"),
        415 => (UnsupportedMediaType, "不支持的内容格式"),
        431 => (HeadersTooLarge, "请求头过大"),
        429 => (RateLimited, "请求过于频繁，请稍后再试"),
        503 => (ServiceUnavailable, "服务暂时不可用，请稍后再试"),
        _ => (InternalError, "服务器开小差了，请稍后再试"),
    };
}
