using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MiniApp.WeChat.Tests;

public class WeChatPushCryptoFacts
{
    // WeChat's message-push signature: sha1 over Token, timestamp and nonce sorted ordinally; checked against the
    // worked example of WeChat's documentation.
    private const string Token = "AAAAA";
    private const string Timestamp = "1714036504";
    private const string Nonce = "1514711492";
    private const string Signature = "f464b24fc39322e44b38aa78f5edd27bd1441696";

    // Our own vector, built with python `cryptography` from the documented algorithm:
    // key = sha256("miniapp-push-test"), random = a0..af, message "hello!", appid below → 44 bytes, pad value 20 (> 16).
    private const string EncodingAesKey = "czsRi9cZ8b0XUSjHt00Lk3oPD1hnRvvwHZt4HUvHmWY";
    private const string AppId = "wx4f4bc4dec97d474b";
    private const string VectorMessage = "hello!";
    private const string VectorEncrypt = "cZmPI1fkgOYpyM1wR9AMjzj/ZNy+CwEW2eBvYgZlVEjysQaFTFl78pwr2QlorI7TbjS5TVrNg3aNThBw6x7S0w==";
    private const string VectorMsgSignature = "496f90e5bfe69f5b03dec9b4c2d6f68314a0bade";
    private static readonly byte[] VectorRandom = [.. Enumerable.Range(0xA0, 16).Select(b => (byte)b)];

    [Fact]
    public void VerifySignature_AcceptsDocumentedVector()
    {
        Assert.True(WeChatPushCrypto.VerifySignature(Token, Timestamp, Nonce, Signature));
        Assert.Equal(Signature, WeChatPushCrypto.ComputeSignature(Token, Timestamp, Nonce));
    }

    [Theory]
    [InlineData("AAAAB", Timestamp, Nonce, Signature)]
    [InlineData(Token, "1714036505", Nonce, Signature)]
    [InlineData(Token, Timestamp, Nonce, "f464b24fc39322e44b38aa78f5edd27bd1441697")]
    [InlineData(Token, Timestamp, Nonce, null)]
    public void VerifySignature_Rejects_WhenAnyPartDiffers(string token, string timestamp, string nonce, string? signature)
    {
        Assert.False(WeChatPushCrypto.VerifySignature(token, timestamp, nonce, signature));
    }

    [Fact]
    public void ComputeSignature_SortsOrdinally_NotByCulture()
    {
        // Ordinal puts "Banana" before "apple"; a culture-aware sort would not (python: sha1("1714036504Bananaapple")).
        Assert.Equal("c505c8d51e3263c85de0b0be2c8d7c76c789c007", WeChatPushCrypto.ComputeSignature("apple", "1714036504", "Banana"));
    }

    [Fact]
    public void VerifyMessageSignature_AcceptsVector_AndRejectsOtherEncrypt()
    {
        Assert.True(WeChatPushCrypto.VerifyMessageSignature(Token, Timestamp, Nonce, VectorEncrypt, VectorMsgSignature));
        Assert.False(WeChatPushCrypto.VerifyMessageSignature(Token, Timestamp, Nonce, VectorEncrypt + "x", VectorMsgSignature));
    }

    [Fact]
    public void Encrypt_MatchesIndependentVector_WithPadAbove16()
    {
        var encrypt = WeChatPushCrypto.Encrypt(EncodingAesKey, VectorMessage, AppId, VectorRandom);

        Assert.Equal(VectorEncrypt, encrypt);
        Assert.Equal(20, RawDecrypt(encrypt)[^1]);
    }

    [Fact]
    public void Decrypt_ReturnsMessage_ForIndependentVector()
    {
        Assert.Equal(VectorMessage, WeChatPushCrypto.Decrypt(EncodingAesKey, VectorEncrypt, AppId));
    }

    [Theory]
    [InlineData(0)] // already aligned: a whole 32-byte block of padding
    [InlineData(5)]
    [InlineData(12)] // pad 17
    [InlineData(27)] // pad 2
    public void Decrypt_RoundTrips_ForEveryPaddingShape(int extraBytes)
    {
        // 16 + 4 + 18 (appid) = 38 bytes of framing; a JSON with Chinese makes the message length in bytes matter.
        var message = """{"Content":"你好"}""" + new string('x', extraBytes);
        var encrypt = WeChatPushCrypto.Encrypt(EncodingAesKey, message, AppId);

        Assert.Equal(message, WeChatPushCrypto.Decrypt(EncodingAesKey, encrypt, AppId));
        Assert.Equal(0, RawDecrypt(encrypt).Length % 32);
    }

    [Fact]
    public void Decrypt_Throws_WhenAppIdDiffers()
    {
        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(EncodingAesKey, VectorEncrypt, "wx4f4bc4dec97d474c"));

        Assert.Equal(WeChatDataErrorCodes.PushAppIdMismatch, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenTrailingAppIdWasTampered()
    {
        var plain = RawDecrypt(VectorEncrypt);
        plain[16 + 4 + VectorMessage.Length] ^= 0x01; // first byte of the appid

        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(EncodingAesKey, RawEncrypt(plain), AppId));

        Assert.Equal(WeChatDataErrorCodes.PushAppIdMismatch, ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Decrypt_Throws_WhenPadValueIsOutOfRange(byte padValue)
    {
        var plain = RawDecrypt(VectorEncrypt);
        plain.AsSpan(plain.Length - 20).Fill(padValue);

        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(EncodingAesKey, RawEncrypt(plain), AppId));

        Assert.Equal(WeChatDataErrorCodes.PushDecryptFailed, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenPaddingBytesDisagree()
    {
        var plain = RawDecrypt(VectorEncrypt);
        plain[^5] = 19; // the last byte still says 20

        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(EncodingAesKey, RawEncrypt(plain), AppId));

        Assert.Equal(WeChatDataErrorCodes.PushDecryptFailed, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenLengthPrefixOverrunsTheMessage()
    {
        var plain = RawDecrypt(VectorEncrypt);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), 1000);

        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(EncodingAesKey, RawEncrypt(plain), AppId));

        Assert.Equal(WeChatDataErrorCodes.PushIllegalBuffer, ex.Code);
    }

    [Theory]
    [InlineData("czsRi9cZ8b0XUSjHt00Lk3oPD1hnRvvwHZt4HUvHmW")] // 42 characters
    [InlineData("czsRi9cZ8b0XUSjHt00Lk3oPD1hnRvvwHZt4HUvHm!Y")] // not base64
    public void Decrypt_Throws_WhenEncodingAesKeyIsMalformed(string key)
    {
        var ex = Assert.Throws<WeChatDataException>(() => WeChatPushCrypto.Decrypt(key, VectorEncrypt, AppId));

        Assert.Equal(WeChatDataErrorCodes.PushIllegalAesKey, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenEncryptIsNotWholeBlocks()
    {
        var cipher = Convert.FromBase64String(VectorEncrypt);

        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatPushCrypto.Decrypt(EncodingAesKey, Convert.ToBase64String(cipher[..40]), AppId));

        Assert.Equal(WeChatDataErrorCodes.PushDecryptFailed, ex.Code);
    }

    private static byte[] Key => Convert.FromBase64String(EncodingAesKey + "=");

    private static byte[] RawDecrypt(string encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), Key[..16], PaddingMode.None);
    }

    private static string RawEncrypt(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, Key[..16], PaddingMode.None));
    }

    [Fact]
    public void Encrypt_Throws_WhenRandomPrefixIsNot16Bytes()
    {
        Assert.Throws<ArgumentException>(() => WeChatPushCrypto.Encrypt(EncodingAesKey, "m", AppId, Encoding.UTF8.GetBytes("short")));
    }
}
