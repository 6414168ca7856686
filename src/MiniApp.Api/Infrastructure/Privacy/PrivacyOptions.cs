using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>AES-256 keys by key id, each base64 of 32 bytes (Privacy__Keys__k1=...). Old ids stay so old values
    /// still open.</summary>
    [Required, MinLength(1)] public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The key id new values are sealed with.</summary>
    [Required] public string ActiveKeyId { get; set; } = "";

    /// <summary>Base64 key (at least 32 bytes) of the keyed hash used to find a value without decrypting it.</summary>
    [Required] public string LookupKey { get; set; } = "";
}
