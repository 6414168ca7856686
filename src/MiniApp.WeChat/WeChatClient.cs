using MiniApp.WeChat.Internal;
using MiniApp.WeChat.Wire;

namespace MiniApp.WeChat;

/// <summary>Typed HttpClient for the mini-program server API; register it with <c>AddWeChatClient</c>.</summary>
public sealed class WeChatClient(
    HttpClient http,
    IAccessTokenProvider tokens,
    IOptions<WeChatOptions> options,
    ILogger<WeChatClient> logger) : IWeChatClient
{
    private readonly WeChatOptions _options = options.Value;

    public async Task<WeChatSession> Code2SessionAsync(string code, CancellationToken cancellationToken = default)
    {
        const string api = "jscode2session";
        ArgumentException.ThrowIfNullOrEmpty(code);
        var uri = $"sns/jscode2session?appid={Escape(_options.AppId)}&secret={Escape(_options.AppSecret)}"
            + $"&js_code={Escape(code)}&grant_type=authorization_code";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await WeChatHttp.SendAsync(http, request, api, logger, cancellationToken);
        var body = await WeChatHttp.ReadJsonAsync<Code2SessionResponse>(response, api, logger, cancellationToken);
        if (string.IsNullOrEmpty(body.OpenId) || string.IsNullOrEmpty(body.SessionKey))
        {
            throw WeChatHttp.Unavailable(api, "answer without openid/session_key", logger);
        }

        return new WeChatSession(body.OpenId, body.SessionKey, body.UnionId);
    }

    public async Task<WeChatPhoneInfo> GetUserPhoneNumberAsync(
        string code, string? openId = null, CancellationToken cancellationToken = default)
    {
        const string api = "getuserphonenumber";
        ArgumentException.ThrowIfNullOrEmpty(code);
        var body = await PostJsonAsync<PhoneNumberResponse>(
            api, "wxa/business/getuserphonenumber", new PhoneNumberRequest(code, openId), cancellationToken);
        return body.PhoneInfo?.ToPhoneInfo() ?? throw WeChatHttp.Unavailable(api, "answer without phone_info", logger);
    }

    public Task SendSubscribeMessageAsync(SubscribeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostJsonAsync<WeChatResponse>("subscribe_send", "cgi-bin/message/subscribe/send",
            SubscribeMessageRequest.From(message), cancellationToken);
    }

    public Task<WeChatImage> GetUnlimitedQrCodeAsync(UnlimitedQrCodeRequest request,
        CancellationToken cancellationToken = default)
    {
        const string api = "getwxacodeunlimit";
        ArgumentNullException.ThrowIfNull(request);
        var body = UnlimitedQrCodeBody.From(request);
        return WithTokenAsync(api, async token =>
        {
            using var message = Post("wxa/getwxacodeunlimit", token, body);
            using var response = await WeChatHttp.SendAsync(http, message, api, logger, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (WeChatJson.LooksLikeJson(mediaType, bytes))
            {
                WeChatHttp.Parse<WeChatResponse>(bytes, api, logger); // throws on the errcode it carries
                throw WeChatHttp.Unavailable(api, "JSON without errcode instead of an image", logger);
            }

            return bytes.Length > 0
                ? new WeChatImage(bytes, mediaType ?? "image/jpeg")
                : throw WeChatHttp.Unavailable(api, "empty image", logger);
        }, cancellationToken);
    }

    public async Task<MessageSecurityResult> CheckMessageSecurityAsync(
        MessageSecurityRequest request, CancellationToken cancellationToken = default)
    {
        const string api = "msg_sec_check";
        ArgumentNullException.ThrowIfNull(request);
        var body = await PostJsonAsync<MessageSecurityResponse>(
            api, "wxa/msg_sec_check", MessageSecurityBody.From(request), cancellationToken);
        if (body.Result?.Suggest is not { Length: > 0 } suggest)
        {
            throw WeChatHttp.Unavailable(api, "answer without result.suggest", logger);
        }

        return new MessageSecurityResult(suggest, body.Result.Label, body.TraceId);
    }

    private Task<T> PostJsonAsync<T>(string api, string path, object body, CancellationToken cancellationToken)
        where T : WeChatResponse =>
        WithTokenAsync(api, async token =>
        {
            using var request = Post(path, token, body);
            using var response = await WeChatHttp.SendAsync(http, request, api, logger, cancellationToken);
            return await WeChatHttp.ReadJsonAsync<T>(response, api, logger, cancellationToken);
        }, cancellationToken);

    /// <summary>A rejected token is replaced and the call repeated exactly once; a second rejection surfaces as
    /// is.</summary>
    private async Task<T> WithTokenAsync<T>(string api, Func<string, Task<T>> call, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        try
        {
            return await call(token);
        }
        catch (WeChatApiException ex) when (ex.Api == api && IsRejectedToken(ex.ErrCode))
        {
            WeChatLog.TokenRejected(logger, api, ex.ErrCode);
            await tokens.InvalidateAsync(token, cancellationToken);
            return await call(await tokens.GetTokenAsync(cancellationToken));
        }
    }

    private static bool IsRejectedToken(int errCode) => errCode is WeChatErrorCodes.InvalidCredential
        or WeChatErrorCodes.AccessTokenExpired or WeChatErrorCodes.InvalidAccessToken;

    // access_token belongs in the query only: WeChat answers 47001 when it appears in the body.
    private static HttpRequestMessage Post<TBody>(string path, string token, TBody body) =>
        new(HttpMethod.Post, $"{path}?access_token={Escape(token)}") { Content = WeChatJson.Content(body) };

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
