using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Push;

/// <summary>
/// GET /api/wechat/push: the URL check (echoes echostr when the signature matches). POST: subscribe events in plain or
/// safe mode, XML or JSON; answers "success" at once so WeChat does not retry. A bad signature is 401 and changes nothing.
/// In plain mode WeChat's signature covers only token, timestamp and nonce, not the body, so a captured URL could carry
/// any body: a timestamp more than 5 minutes away is refused, and once an EncodingAESKey is configured only encrypted
/// bodies (safe or compatible mode, whose msg_signature covers the body) are accepted.
/// </summary>
public static class WeChatPushEndpoints
{
    private const int MaxBody = 64 * 1024;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapWeChatPushEndpoints(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/wechat/push").ExcludeFromDescription().AllowAnonymous();
        push.MapGet("/", Verify);
        push.MapPost("/", Receive);
        return app;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Verify(string? signature, string? timestamp, string? nonce, string? echostr,
        IOptions<WeChatOptions> options)
    {
        var token = options.Value.PushToken;
        if (string.IsNullOrEmpty(token) || timestamp is null || nonce is null || echostr is null
            || !WeChatPushCrypto.VerifySignature(token, timestamp, nonce, signature))
            return BadSignature();
        return TypedResults.Text(echostr, "text/plain");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(HttpRequest request, string? signature, string? timestamp,
        string? nonce, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "encrypt_type")] string? encryptType,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "msg_signature")] string? msgSignature,
        IOptions<WeChatOptions> options, PushEventHandler handler, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var wechat = options.Value;
        if (string.IsNullOrEmpty(wechat.PushToken) || timestamp is null || nonce is null
            || !WeChatPushCrypto.VerifySignature(wechat.PushToken, timestamp, nonce, signature)
            || !long.TryParse(timestamp, out var sentAt)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(sentAt)).Duration() > MaxClockSkew)
            return BadSignature();
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null) return ProblemCodes.BadRequest.Problem("消息过大或为空");
        PushEvent pushEvent;
        try
        {
            if (PushEvent.ParseEncrypt(body) is { } encrypt)
            {
                if (string.IsNullOrEmpty(wechat.PushEncodingAesKey)
                    || !WeChatPushCrypto.VerifyMessageSignature(wechat.PushToken, timestamp, nonce, encrypt, msgSignature))
                    return BadSignature();
                body = WeChatPushCrypto.Decrypt(wechat.PushEncodingAesKey, encrypt, wechat.AppId);
            }
            else if (encryptType == "aes" || !string.IsNullOrEmpty(wechat.PushEncodingAesKey))
            {
                return BadSignature();
            }
            pushEvent = PushEvent.Parse(body);
        }
        catch (Exception ex) when (ex is WeChatDataException or System.Xml.XmlException or System.Text.Json.JsonException)
        {
            loggers.CreateLogger(typeof(WeChatPushEndpoints)).LogWarning("A message push could not be read: {ExceptionType}", ex.GetType().Name);
            return ProblemCodes.BadRequest.Problem("消息格式不正确");
        }
        await handler.HandleAsync(pushEvent, cancellationToken);
        return TypedResults.Text("success", "text/plain");
    }

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
