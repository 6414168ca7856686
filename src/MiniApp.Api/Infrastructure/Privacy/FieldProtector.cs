using System.Security.Cryptography;

namespace MiniApp.Api.Infrastructure.Privacy;

/// <summary>
/// Seals personal data and secrets for storage with AES-256-GCM. A sealed value reads
/// "v1.{keyId}.{base64(nonce|cipher|tag)}", so keys can rotate: new values use the active key, old values open with the
/// key they name. The purpose (for example "users.session_key") is bound as associated data, so a value copied into
/// another column does not open there.
/// </summary>
public sealed class FieldProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly byte[] _lookupKey;

    public FieldProtector(IOptions<PrivacyOptions> options)
    {
        var value = options.Value;
        _keys = value.Keys.ToDictionary(pair => pair.Key,
            pair => DecodeKey(pair.Value, $"Privacy:Keys:{pair.Key}", exactly: 32));
        if (!_keys.ContainsKey(value.ActiveKeyId))
        {
            throw new InvalidOperationException(
                $"Privacy:ActiveKeyId '{value.ActiveKeyId}' is not among Privacy:Keys.");
        }
        _activeKeyId = value.ActiveKeyId;
        _lookupKey = DecodeKey(value.LookupKey, "Privacy:LookupKey", exactly: null);
    }

    public string Seal(string plaintext, string purpose)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + clear.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize, clear.Length), output.AsSpan(NonceSize + clear.Length),
            Encoding.UTF8.GetBytes(purpose));
        return $"v1.{_activeKeyId}.{Convert.ToBase64String(output)}";
    }

    public string Unseal(string sealedValue, string purpose)
    {
        var parts = sealedValue.Split('.', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
            throw new CryptographicException("The sealed value has an unknown format or key id.");
        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("The sealed value is truncated.");
        var clearLength = data.Length - NonceSize - TagSize;
        var clear = new byte[clearLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, clearLength),
            data.AsSpan(NonceSize + clearLength), clear, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>The key id a sealed value was made with (to find values that still need re-sealing after a
    /// rotation).</summary>
    public static string KeyIdOf(string sealedValue) => sealedValue.Split('.', 3) is [_, var keyId, _] ? keyId : "";

    /// <summary>A keyed hash (HMAC-SHA256, hex) for uniqueness and look-up without decrypting.</summary>
    public string LookupHash(string normalizedValue, string purpose) =>
        Convert.ToHexStringLower(
            HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes($"{purpose}:{normalizedValue}")));

    private static byte[] DecodeKey(string base64, string name, int? exactly)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"{name} is not base64."); }
        if (exactly is { } size ? key.Length != size : key.Length < 32)
        {
            throw new InvalidOperationException(
                $"{name} must be {(exactly is null ? "at least " : "")}{exactly ?? 32} bytes.");
        }
        return key;
    }
}
