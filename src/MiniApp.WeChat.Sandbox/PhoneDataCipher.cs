using System.Security.Cryptography;

namespace MiniApp.WeChat.Sandbox;

/// <summary>Builds the legacy getPhoneNumber <c>encryptedData</c>: AES-128-CBC, PKCS#7, key = the session key
/// (WeChat's open-data format: the JSON carries a watermark with our AppID).</summary>
internal static class PhoneDataCipher
{
    public static (string EncryptedData, string Iv) Encrypt(object payload, string sessionKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, SandboxJson.WeChat));
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        var ciphertext = aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7);
        return (Convert.ToBase64String(ciphertext), Convert.ToBase64String(iv));
    }
}
