namespace MiniApp.WeChat.Wire;

internal sealed class Code2SessionResponse : WeChatResponse
{
    [JsonPropertyName("openid")] public string? OpenId { get; init; }
    [JsonPropertyName("session_key")] public string? SessionKey { get; init; }
    [JsonPropertyName("unionid")] public string? UnionId { get; init; }
}
