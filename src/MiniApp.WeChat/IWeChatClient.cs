namespace MiniApp.WeChat;

/// <summary>
/// The mini-program server API we call. Every method throws <see cref="WeChatApiException"/> when WeChat answers with a
/// non-zero errcode, and <see cref="WeChatUnavailableException"/> when WeChat stays busy or unreachable after the safe
/// retries.
/// </summary>
public interface IWeChatClient
{
    /// <summary>auth.code2Session. The code is single-use: a 40029 is never retried.</summary>
    Task<WeChatSession> Code2SessionAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>getuserphonenumber with the code from the phone-number button.</summary>
    Task<WeChatPhoneInfo> GetUserPhoneNumberAsync(string code, string? openId = null,
        CancellationToken cancellationToken = default);

    /// <summary>subscribeMessage.send.</summary>
    Task SendSubscribeMessageAsync(SubscribeMessage message, CancellationToken cancellationToken = default);

    /// <summary>getwxacodeunlimit: the image bytes on success.</summary>
    Task<WeChatImage> GetUnlimitedQrCodeAsync(UnlimitedQrCodeRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>msg_sec_check version 2.</summary>
    Task<MessageSecurityResult> CheckMessageSecurityAsync(MessageSecurityRequest request,
        CancellationToken cancellationToken = default);
}

public sealed record WeChatSession(string OpenId, string SessionKey, string? UnionId);

public sealed record WeChatPhoneInfo(string PhoneNumber, string PurePhoneNumber, string CountryCode,
    string? WatermarkAppId);

public sealed record SubscribeMessage(
    string ToUser,
    string TemplateId,
    IReadOnlyDictionary<string, string> Data,
    string? Page = null,
    string? MiniProgramState = null,
    string? Lang = null);

public sealed record UnlimitedQrCodeRequest(
    string Scene,
    string? Page = null,
    bool CheckPath = true,
    string? EnvVersion = null,
    int? Width = null);

public sealed record WeChatImage(byte[] Content, string ContentType);

public sealed record MessageSecurityRequest(string OpenId, string Content, int Scene = 2, string? Title = null,
    string? Nickname = null);

/// <summary>suggest is pass, review or risky; label as WeChat numbers it (100 = normal).</summary>
public sealed record MessageSecurityResult(string Suggest, int Label, string? TraceId);
