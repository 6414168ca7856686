using System.Security.Cryptography;
using MiniApp.WeChat.Internal;
using MiniApp.WeChat.Wire;

namespace MiniApp.WeChat;

/// <summary>
/// Open data from the mini-program (encryptedData + iv, decrypted with the user's session_key): AES-128-CBC, PKCS#7.
/// A payload is accepted only when its watermark.appid is ours, so data encrypted for another app cannot be replayed
/// here.
/// </summary>
public static class WeChatOpenData
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decrypted JSON. Throws <see cref="WeChatDataException"/> on bad input or a foreign
    /// watermark.</summary>
    public static string Decrypt(string encryptedData, string iv, string sessionKey, string expectedAppId)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedAppId);
        var json = DecryptJson(encryptedData, iv, sessionKey);
        OpenDataEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<OpenDataEnvelope>(json, WeChatJson.Options);
        }
        catch (JsonException ex)
        {
            throw new WeChatDataException(WeChatDataErrorCodes.IllegalBuffer, "Decrypted open data is not JSON.", ex);
        }

        if (envelope?.Watermark?.AppId != expectedAppId)
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.IllegalBuffer, "Open data watermark belongs to another app.");
        }

        return json;
    }

    /// <summary>The deprecated encrypted phone-number payload, checked like <see cref="Decrypt"/>.</summary>
    public static WeChatPhoneInfo DecryptPhoneNumber(string encryptedData, string iv, string sessionKey,
        string expectedAppId)
    {
        var json = Decrypt(encryptedData, iv, sessionKey, expectedAppId);
        PhoneInfo? phone;
        try
        {
            phone = JsonSerializer.Deserialize<PhoneInfo>(json, WeChatJson.Options);
        }
        catch (JsonException ex)
        {
            throw new WeChatDataException(
                WeChatDataErrorCodes.IllegalBuffer, "Open data is not a phone-number payload.", ex);
        }

        return phone?.PhoneNumber is { Length: > 0 }
            ? phone.ToPhoneInfo()
            : throw new WeChatDataException(WeChatDataErrorCodes.IllegalBuffer, "Open data holds no phoneNumber.");
    }

    /// <summary>wx.getUserInfo's signature: hex(sha1(rawData + session_key)), compared in constant time.</summary>
    public static bool VerifyRawDataSignature(string rawData, string sessionKey, string signature)
    {
        ArgumentNullException.ThrowIfNull(rawData);
        ArgumentNullException.ThrowIfNull(sessionKey);
        return WeChatHash.HexMatches(WeChatHash.Sha1(rawData + sessionKey), signature);
    }

    /// <summary>What WeChat does on the client side, with a random iv; for the sandbox and tests.</summary>
    public static (string EncryptedData, string Iv) Encrypt(string json, string sessionKey)
    {
        ArgumentNullException.ThrowIfNull(json);
        var key = Decode(sessionKey, WeChatDataErrorCodes.IllegalAesKey, "session_key");
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = key;
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(json), iv, PaddingMode.PKCS7);
        return (Convert.ToBase64String(cipher), Convert.ToBase64String(iv));
    }

    private static string DecryptJson(string encryptedData, string iv, string sessionKey)
    {
        var key = Decode(sessionKey, WeChatDataErrorCodes.IllegalAesKey, "session_key");
        var ivBytes = Decode(iv, WeChatDataErrorCodes.IllegalIv, "iv");
        try
        {
            var cipher = Convert.FromBase64String(encryptedData ?? "");
            using var aes = Aes.Create();
            aes.Key = key;
            return StrictUtf8.GetString(aes.DecryptCbc(cipher, ivBytes, PaddingMode.PKCS7));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            // A wrong session_key (rotated by a later wx.login) usually ends up here as bad padding.
            throw new WeChatDataException(
                WeChatDataErrorCodes.IllegalBuffer, "Open data does not decrypt with this session_key.", ex);
        }
    }

    private static byte[] Decode(string? base64, int errorCode, string what)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64 ?? "");
            if (bytes.Length == 16)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }

        throw new WeChatDataException(errorCode, $"The {what} is not 16 bytes of base64.");
    }
}
