using System.Buffers.Binary;
using System.Security.Cryptography;
using MiniApp.WeChat.Internal;

namespace MiniApp.WeChat;

/// <summary>
/// Message push (消息推送): the URL check signature and safe-mode encryption. AES-256-CBC with IV = key[0..16) and PKCS#7
/// padding to a 32-byte block; .NET's PKCS7 mode rejects pads above 16, so the padding is handled here.
/// Plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid.
/// </summary>
public static class WeChatPushCrypto
{
    private const int PadBlock = 32;
    private const int RandomLength = 16;
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>hex(sha1(concat(ordinal-sorted parts))), as WeChat signs pushes.</summary>
    public static string ComputeSignature(params string[] parts) => WeChatHash.Sha1Hex(SortedConcat(parts));

    /// <summary>The GET URL check: signature over [token, timestamp, nonce].</summary>
    public static bool VerifySignature(string token, string timestamp, string nonce, string? signature) =>
        WeChatHash.HexMatches(WeChatHash.Sha1(SortedConcat([token, timestamp, nonce])), signature);

    /// <summary>An encrypted POST: msg_signature over [token, timestamp, nonce, Encrypt].</summary>
    public static bool VerifyMessageSignature(string token, string timestamp, string nonce, string encrypt,
        string? msgSignature) =>
        WeChatHash.HexMatches(WeChatHash.Sha1(SortedConcat([token, timestamp, nonce, encrypt])), msgSignature);

    /// <summary>The message inside <paramref name="encrypt"/>; throws <see cref="WeChatDataException"/> unless it is
    /// well formed and ours.</summary>
    public static string Decrypt(string encodingAesKey, string encrypt, string expectedAppId)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedAppId);
        var key = ParseKey(encodingAesKey);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt ?? "");
        }
        catch (FormatException ex)
        {
            throw new WeChatDataException(WeChatDataErrorCodes.PushIllegalBase64, "Encrypt is not base64.", ex);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatDataException(WeChatDataErrorCodes.PushDecryptFailed, "Encrypt is not whole AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        var content = StripPadding(plain);
        return ParseContent(content, expectedAppId);
    }

    /// <summary>Encrypts a reply (or a test push). <paramref name="random16"/> fixes the random prefix for reproducible
    /// vectors.</summary>
    public static string Encrypt(string encodingAesKey, string message, string appId, byte[]? random16 = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (random16 is not null && random16.Length != RandomLength)
        {
            throw new ArgumentException("The random prefix must be 16 bytes.", nameof(random16));
        }

        var key = ParseKey(encodingAesKey);
        var messageBytes = Encoding.UTF8.GetBytes(message);
        var appIdBytes = Encoding.UTF8.GetBytes(appId);
        var length = RandomLength + 4 + messageBytes.Length + appIdBytes.Length;
        var pad = PadBlock - length % PadBlock; // 1..32, a full block when already aligned

        var plain = new byte[length + pad];
        (random16 ?? RandomNumberGenerator.GetBytes(RandomLength)).CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength, 4), messageBytes.Length);
        messageBytes.CopyTo(plain, RandomLength + 4);
        appIdBytes.CopyTo(plain, RandomLength + 4 + messageBytes.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    private static string SortedConcat(string[] parts)
    {
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
        }

        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        return string.Concat(sorted);
    }

    private static byte[] ParseKey(string encodingAesKey)
    {
        if (encodingAesKey is { Length: 43 })
        {
            try
            {
                return Convert.FromBase64String(encodingAesKey + "=");
            }
            catch (FormatException)
            {
            }
        }

        throw new WeChatDataException(
            WeChatDataErrorCodes.PushIllegalAesKey, "EncodingAESKey must be 43 base64 characters.");
    }

    private static ReadOnlySpan<byte> StripPadding(byte[] plain)
    {
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length)
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.PushDecryptFailed, "Bad padding in the decrypted message.");
        }

        var padding = plain.AsSpan(plain.Length - pad);
        if (padding.ContainsAnyExcept((byte)pad))
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.PushDecryptFailed, "Bad padding in the decrypted message.");
        }

        return plain.AsSpan(0, plain.Length - pad);
    }

    private static string ParseContent(ReadOnlySpan<byte> content, string expectedAppId)
    {
        if (content.Length < RandomLength + 4)
        {
            throw new WeChatDataException(WeChatDataErrorCodes.PushIllegalBuffer, "Decrypted message is too short.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(RandomLength, 4));
        var rest = content[(RandomLength + 4)..];
        if (length < 0 || length > rest.Length)
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.PushIllegalBuffer, "Decrypted message length is out of range.");
        }

        if (!rest[length..].SequenceEqual(Encoding.UTF8.GetBytes(expectedAppId)))
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.PushAppIdMismatch, "Pushed message belongs to another app.");
        }

        try
        {
            return StrictUtf8.GetString(rest[..length]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.PushIllegalBuffer, "Decrypted message is not UTF-8.", ex);
        }
    }
}
