using MiniApp.WeChat.Internal;

namespace MiniApp.WeChat.Wire;

internal sealed record PhoneNumberRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("openid")] string? OpenId);

internal sealed class PhoneNumberResponse : WeChatResponse
{
    [JsonPropertyName("phone_info")] public PhoneInfo? PhoneInfo { get; init; }
}

/// <summary>Shared by getuserphonenumber and the deprecated encrypted phone payload; both use camelCase here.</summary>
internal sealed class PhoneInfo
{
    [JsonPropertyName("phoneNumber")] public string? PhoneNumber { get; init; }
    [JsonPropertyName("purePhoneNumber")] public string? PurePhoneNumber { get; init; }

    // The doc shows the number 86, users report the string "86".
    [JsonPropertyName("countryCode"), JsonConverter(typeof(StringOrNumberConverter))]
    public string? CountryCode { get; init; }

    [JsonPropertyName("watermark")] public Watermark? Watermark { get; init; }

    public WeChatPhoneInfo ToPhoneInfo() =>
        new(PhoneNumber ?? "", PurePhoneNumber ?? "", CountryCode ?? "", Watermark?.AppId);
}

internal sealed class Watermark
{
    [JsonPropertyName("timestamp"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long Timestamp { get; init; }

    [JsonPropertyName("appid")] public string? AppId { get; init; }
}

/// <summary>Only the watermark of a decrypted open-data payload; the rest is handed back as raw JSON.</summary>
internal sealed class OpenDataEnvelope
{
    [JsonPropertyName("watermark")] public Watermark? Watermark { get; init; }
}
