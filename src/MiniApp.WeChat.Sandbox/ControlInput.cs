using System.Diagnostics.CodeAnalysis;

namespace MiniApp.WeChat.Sandbox;

/// <summary>The short JSON error every control endpoint answers bad input with.</summary>
internal sealed record ControlError(string Error);

/// <summary>Reading and checking camelCase control bodies.</summary>
internal static class ControlInput
{
    /// <summary>The body as <typeparamref name="T"/>; <paramref name="whenEmpty"/> for an empty body; <c>null</c> when
    /// it is not usable JSON.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, T? whenEmpty = null) where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, SandboxJson.Control);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult BadRequest(string error) => TypedResults.BadRequest(new ControlError(error));

    /// <summary>An openid, unionid or template id: present, at most 128 characters, no whitespace.</summary>
    public static bool IsId([NotNullWhen(true)] string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && !value.Any(char.IsWhiteSpace);

    public static bool IsPhoneNumber([NotNullWhen(true)] string? value) =>
        value is { Length: >= 5 and <= 20 } && value.All(char.IsAsciiDigit);

    public static bool IsSessionKey(string? value)
    {
        Span<byte> key = stackalloc byte[32];
        return value is not null && Convert.TryFromBase64String(value, key, out var written) && written == 16;
    }
}
