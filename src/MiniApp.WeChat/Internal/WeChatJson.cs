using System.Net.Http.Headers;
using System.Text.Encodings.Web;

namespace MiniApp.WeChat.Internal;

internal static class WeChatJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        // WeChat accepts raw UTF-8; escaping Chinese would only bloat bodies and make captures unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialised once up front so a retried request re-sends the very same bytes.</summary>
    public static ByteArrayContent Content<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// Success of getwxacodeunlimit is an image, failure is JSON. WeChat's Content-Type is not always trustworthy
    /// (some answers say text/plain), so a leading '{' counts too.
    /// </summary>
    public static bool LooksLikeJson(string? mediaType, ReadOnlySpan<byte> body) =>
        mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || FirstSignificantByte(body) == (byte)'{';

    /// <summary>The top-level errcode of a JSON object (0 when absent), or null when the body is not a JSON
    /// object.</summary>
    public static int? PeekErrCode(ReadOnlySpan<byte> body)
    {
        if (FirstSignificantByte(body) != (byte)'{')
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body.StartsWith("\uFEFF"u8) ? body[3..] : body);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrCode = reader.ValueTextEquals("errcode"u8);
                reader.Read();
                if (isErrCode)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                }

                reader.Skip();
            }

            return 0;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte? FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.IsEmpty ? null : trimmed[0];
    }
}
