using System.Text.Encodings.Web;

namespace MiniApp.WeChat.Sandbox;

/// <summary>JSON settings: WeChat bodies spell their names explicitly (snake_case with some camelCase inside), control
/// bodies are camelCase.</summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions WeChat = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static readonly JsonSerializerOptions Control = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a JSON object body; <c>null</c> when the body is empty, not JSON or not of the expected
    /// shape.</summary>
    public static async Task<T?> TryReadAsync<T>(HttpRequest request, JsonSerializerOptions options) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
