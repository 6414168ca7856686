namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>
/// The problem codes of the whole API (requests, sessions, limits, outages); a feature's own codes live in its
/// *Problems class. The mini-program switches on these; never rename one.
/// </summary>
public static class ProblemCodes
{
    public static readonly ProblemCode ValidationFailed = new("validation_failed", 400, "提交的信息有误，请检查后重试",
        "a field is missing or malformed; `errors` holds messages per field");

    public static readonly ProblemCode BadRequest = new("bad_request", 400, "请求格式不正确",
        "the body is not valid JSON");

    public static readonly ProblemCode Unauthorized = new("unauthorized", 401, "请先登录",
        "no token, or an expired or forged one");

    public static readonly ProblemCode Forbidden = new("forbidden", 403, "没有权限执行此操作",
        "the token's kind or role may not do this");

    public static readonly ProblemCode NotFound = new("not_found", 404, "请求的内容不存在",
        "no such resource (or path)");

    public static readonly ProblemCode MethodNotAllowed = new("method_not_allowed", 405, "不支持该请求方式",
        "the path does not take this HTTP method");

    public static readonly ProblemCode Conflict = new("conflict", 409, "数据已被修改，请刷新后重试",
        "a 409 without a code of its own: another change came first; refresh");

    public static readonly ProblemCode RateLimited = new("rate_limited", 429, "请求过于频繁，请稍后再试",
        "too many requests from this address or account; `Retry-After` says when to try again (see [Limits](#limits))");

    public static readonly ProblemCode PayloadTooLarge = new("payload_too_large", 413, "提交的内容过大",
        "the request body is larger than the endpoint takes; `limit` holds the limit in bytes");

    public static readonly ProblemCode UriTooLong = new("uri_too_long", 414, "请求地址过长",
        "the request's address is too long");

    public static readonly ProblemCode HeadersTooLarge = new("headers_too_large", 431, "请求头过大",
        "the request's headers are too large");

    public static readonly ProblemCode UnsupportedMediaType = new("unsupported_media_type", 415, "不支持的内容格式",
        "the body's `Content-Type` is not one the endpoint takes (JSON, or multipart for imports)");

    public static readonly ProblemCode ImportTooLarge = new("import_too_large", 400, "导入的文件过大，请分批导入",
        "an uploaded file is over 5 MB, its workbook unpacks past the limit, is compressed beyond reason or has too "
        + "many parts, or its sheet has more rows (or blank rows) than the import takes (see [Import "
        + "limits](#import-limits-and-formula-like-text)); `limit` holds the limit and `unit` says what it counts "
        + "(`bytes`, `characters`, `ratio`, `parts`, `rows`)");

    public static readonly ProblemCode InternalError = new("internal_error", 500, "服务器开小差了，请稍后再试",
        "a fault of ours; the log line with the same request id says what");

    public static readonly ProblemCode WeChatCodeInvalid = new("wechat_code_invalid", 400, "登录凭证已失效，请重新登录",
        "the wx.login (or phone) code is used, expired or unknown: call wx.login again");

    public static readonly ProblemCode WeChatUnavailable = new("wechat_unavailable", 503, "微信服务繁忙，请稍后再试",
        "WeChat busy or unreachable after the retries; `Retry-After`");

    public static readonly ProblemCode WeChatLoginBlocked = new("wechat_login_blocked", 403,
        "微信判定当前账号存在风险，暂时无法登录", "WeChat refused the login (high-risk account)");

    public static readonly ProblemCode WeChatError = new("wechat_error", 502, "微信服务返回错误，请稍后再试",
        "WeChat answered an error we cannot fix from here");

    public static readonly ProblemCode InvalidCredentials = new("invalid_credentials", 401, "用户名或密码错误",
        "staff username or password wrong, or the account disabled");

    public static readonly ProblemCode AccountLocked = new("account_locked", 429, "登录失败次数过多，请稍后再试",
        "too many wrong staff passwords from this address for this username; `Retry-After` says when to try again (an "
        + "unknown username answers the same)");

    public static readonly ProblemCode PhoneDataInvalid = new("phone_data_invalid", 400, "手机号信息无法解密，请重新登录后再授权",
        "the legacy encrypted phone data cannot be opened (session key rotated): log in again");

    public static readonly ProblemCode DatabaseBusy = new("database_busy", 503, "操作的人较多，请稍后重试",
        "two requests wanted the same rows at once and this one was rolled back whole; `Retry-After: 1`");

    public static readonly ProblemCode DatabaseUnavailable = new("database_unavailable", 503, "系统正在维护或网络繁忙，请稍后再试",
        "the database cannot be reached, dropped the connection or timed out; nothing half-written; `Retry-After`. A "
        + "submit retried with the same `Idempotency-Key` is safe");

    public static readonly ProblemCode CacheUnavailable = new("cache_unavailable", 503, "系统缓存服务暂时不可用，请稍后再试",
        "Redis cannot be reached where a request needs it (the jobs dashboard, its sign-in link); `Retry-After`");

    public static readonly ProblemCode ServiceUnavailable = new("service_unavailable", 503, "服务暂时不可用，请稍后再试",
        "a 503 without a code of its own (a node starting, a proxy); `Retry-After` when present");

    /// <summary>The code (and its Chinese text) used when a status arrives without one of our own.</summary>
    public static ProblemCode ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        414 => UriTooLong,
        415 => UnsupportedMediaType,
        431 => HeadersTooLarge,
        429 => RateLimited,
        503 => ServiceUnavailable,
        _ => InternalError,
    };
}
