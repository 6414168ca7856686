using System.ComponentModel.DataAnnotations;

namespace MiniApp.WeChat;

public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    [Required] public string AppId { get; set; } = "";
    [Required] public string AppSecret { get; set; } = "";

    /// <summary>https://api.weixin.qq.com in production; the sandbox's URL locally and in tests.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>A cached access token is refreshed this long before WeChat says it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one attempt; the whole call, retries included, gets three times this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")] // Polly refuses timeouts under 10 ms
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a safe failure (-1, 5xx, network fault, timeout).</summary>
    [Range(0, 5)] public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially with jitter. Tests shrink it to keep runs
    /// fast.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Message push: the Token configured in the mini-program admin console.</summary>
    public string? PushToken { get; set; }

    /// <summary>Message push: the 43-character EncodingAESKey for safe mode.</summary>
    public string? PushEncodingAesKey { get; set; }
}
