namespace MiniApp.WeChat.Wire;

/// <summary>The envelope every JSON answer shares. Successful answers often omit errcode, which then reads as
/// 0.</summary>
internal class WeChatResponse
{
    [JsonPropertyName("errcode")] public int ErrCode { get; init; }
    [JsonPropertyName("errmsg")] public string? ErrMsg { get; init; }
}
