using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Push;

/// <summary>
/// GET /api/wechat/push: the URL check (echoes echostr when the signature matches). POST: subscribe events in plain or
/// safe mode, XML or JSON; answers "success" at once so WeChat does not retry. A bad signature is 401 and changes
/// nothing. In plain mode WeChat's signature covers only token, timestamp and nonce, not the body, so a captured URL
/// could carry any body: a timestamp more than 5 minutes away is refused, and once an EncodingAESKey is configured
/// only encrypted bodies (safe or compatible mode, whose msg_signature covers the body) are accepted.
/// </summary>
public static class WeChatPushEndpoints
{
    private const int MaxBody = 64 * 1024;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The query WeChat signs a push with.</summary>
    public sealed record PushQuery(
        string? Signature,
        string? Timestamp,
        string? Nonce,
        string? Echostr,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "encrypt_type")] string? EncryptType,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "msg_signature")] string? MsgSignature);

    /// <summary>What the push handlers use, bound with [AsParameters].</summary>
    public sealed record PushServices(
        IOptions<WeChatOptions> Options,
        PushEventHandler Handler,
        TimeProvider Clock,
        ILoggerFactory Loggers,
        CancellationToken Cancellation);

    public static IEndpointRouteBuilder MapWeChatPushEndpoints(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/wechat/push").ExcludeFromDescription().AllowAnonymous();
        push.MapGet("/", Verify);
        push.MapPost("/", Receive);
        return app;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Verify([AsParameters] PushQuery query,
        IOptions<WeChatOptions> options)
    {
        var token = options.Value.PushToken;
        if (string.IsNullOrEmpty(token) || query.Timestamp is null || query.Nonce is null || query.Echostr is null
            || !WeChatPushCrypto.VerifySignature(token, query.Timestamp, query.Nonce, query.Signature))
            return BadSignature();
        return TypedResults.Text(query.Echostr, "text/plain");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(HttpRequest request,
        [AsParameters] PushQuery query, [AsParameters] PushServices services)
    {
        var wechat = services.Options.Value;
        if (!IsSignedRecently(query, wechat, services.Clock)) return BadSignature();
        var body = await ReadBodyAsync(request, services.Cancellation);
        if (body is null) return ProblemCodes.BadRequest.Problem("消息过大或为空");
        PushEvent pushEvent;
        try
        {
            if (PushEvent.ParseEncrypt(body) is { } encrypt)
            {
                if (string.IsNullOrEmpty(wechat.PushEncodingAesKey)
                    || !WeChatPushCrypto.VerifyMessageSignature(wechat.PushToken!, query.Timestamp!, query.Nonce!,
                        encrypt, query.MsgSignature))
                    return BadSignature();
                body = WeChatPushCrypto.Decrypt(wechat.PushEncodingAesKey, encrypt, wechat.AppId);
            }
            else if (query.EncryptType == "aes" || !string.IsNullOrEmpty(wechat.PushEncodingAesKey))
            {
                return BadSignature();
            }
            pushEvent = PushEvent.Parse(body);
        }
        catch (Exception ex) when (ex is WeChatDataException or System.Xml.XmlException or JsonException)
        {
            services.Loggers.CreateLogger(typeof(WeChatPushEndpoints))
                .LogWarning("A message push could not be read: {ExceptionType}", ex.GetType().Name);
            return ProblemCodes.BadRequest.Problem("消息格式不正确");
        }
        await services.Handler.HandleAsync(pushEvent, services.Cancellation);
        return TypedResults.Text("success", "text/plain");
    }

    /// <summary>The token, timestamp and nonce are signed and the timestamp is within the allowed skew.</summary>
    private static bool IsSignedRecently(PushQuery query, WeChatOptions wechat, TimeProvider clock) =>
        !string.IsNullOrEmpty(wechat.PushToken) && query.Timestamp is not null && query.Nonce is not null
        && WeChatPushCrypto.VerifySignature(wechat.PushToken, query.Timestamp, query.Nonce, query.Signature)
        && long.TryParse(query.Timestamp, out var sentAt)
        && (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(sentAt)).Duration() <= MaxClockSkew;

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read is 0 or > MaxBody ? null : new string(buffer, 0, read);
    }

    private static ProblemHttpResult BadSignature() => ProblemCodes.Unauthorized.Problem("签名校验失败");
}
