namespace MiniApp.WeChat.Wire;

internal sealed record UnlimitedQrCodeBody(
    [property: JsonPropertyName("scene")] string Scene,
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("check_path")] bool CheckPath,
    [property: JsonPropertyName("env_version")] string? EnvVersion,
    [property: JsonPropertyName("width")] int? Width)
{
    public static UnlimitedQrCodeBody From(UnlimitedQrCodeRequest request) =>
        new(request.Scene, request.Page, request.CheckPath, request.EnvVersion, request.Width);
}
