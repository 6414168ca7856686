namespace MiniApp.WeChat.Wire;

internal sealed record MessageSecurityBody(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("scene")] int Scene,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("nickname")] string? Nickname)
{
    public static MessageSecurityBody From(MessageSecurityRequest request) =>
        new(2, request.OpenId, request.Scene, request.Content, request.Title, request.Nickname);
}

internal sealed class MessageSecurityResponse : WeChatResponse
{
    [JsonPropertyName("trace_id")] public string? TraceId { get; init; }
    [JsonPropertyName("result")] public MessageSecurityVerdict? Result { get; init; }
}

internal sealed class MessageSecurityVerdict
{
    [JsonPropertyName("suggest")] public string? Suggest { get; init; }

    [JsonPropertyName("label"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Label { get; init; }
}
