using QRCoder;

namespace MiniApp.WeChat.Sandbox;

/// <summary><c>POST /wxa/getwxacodeunlimit</c>: a real, scannable QR code standing in for the round mini-program
/// code.</summary>
internal static class QrCodeEndpoints
{
    private const string SceneSymbols = "!#$&'()*+,/:;=?@-._~";
    private static readonly string[] EnvVersions = ["release", "trial", "develop"];

    public static IEndpointRouteBuilder MapQrCodeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/wxa/getwxacodeunlimit", GetUnlimited)
            .WithFaults(SandboxApis.GetWxaCodeUnlimit)
            .RequireAccessToken();
        return app;
    }

    private static async Task<IResult> GetUnlimited(HttpRequest http)
    {
        // WeChat answers a body that is not JSON with the scene-length error, 40169.
        var request = await SandboxJson.TryReadAsync<Request>(http, SandboxJson.WeChat);
        if (request is null || string.IsNullOrEmpty(request.Scene) || request.Scene.Length > 32)
        {
            return WeChatErrors.Error(WeChatErrors.InvalidSceneLength);
        }

        if (!request.Scene.All(c => char.IsAsciiLetterOrDigit(c) || SceneSymbols.Contains(c)))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidScene);
        }

        // WeChat wants a page without a leading slash or query; it reports a bad page as 41030.
        var page = string.IsNullOrEmpty(request.Page) ? "pages/index/index" : request.Page;
        if (page.StartsWith('/') || page.Contains('?'))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidPage);
        }

        // 40097 is documented for a bad env_version on wxacode.get; assumed the same here.
        if (request.EnvVersion is { } env && !EnvVersions.Contains(env))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidArgs, "invalid args, env_version invalid");
        }

        // Out-of-range widths are clamped rather than refused; WeChat does not document an errcode for them.
        var width = Math.Clamp(request.Width ?? 430, 280, 1280);
        var png = Render($"https://sandbox.invalid/{page}?scene={request.Scene}", width);

        // Real WeChat answers image/jpeg; the sandbox sends PNG, so clients must branch on "json", not on "jpeg".
        return TypedResults.Bytes(png, "image/png");
    }

    private static byte[] Render(string text, int width)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new PngByteQRCode(data);
        return code.GetGraphic(Math.Max(1, width / data.ModuleMatrix.Count));
    }

    private sealed record Request(
        [property: JsonPropertyName("scene")] string? Scene,
        [property: JsonPropertyName("page")] string? Page,
        [property: JsonPropertyName("env_version")] string? EnvVersion,
        [property: JsonPropertyName("width")] int? Width);
}
