namespace MiniApp.WeChat.Wire;

internal sealed record SubscribeMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, SubscribeValue> Data,
    [property: JsonPropertyName("miniprogram_state")] string? MiniProgramState,
    [property: JsonPropertyName("lang")] string? Lang)
{
    public static SubscribeMessageRequest From(SubscribeMessage message) => new(
        message.ToUser,
        message.TemplateId,
        message.Page,
        message.Data.ToDictionary(pair => pair.Key, pair => new SubscribeValue(pair.Value)),
        message.MiniProgramState,
        message.Lang);
}

internal sealed record SubscribeValue([property: JsonPropertyName("value")] string Value);
