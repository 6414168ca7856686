using System.Security.Cryptography;

namespace MiniApp.WeChat.Tests;

public class WeChatOpenDataFacts
{
    // The official WXBizDataCrypt sample (the strings of WeChat's own demo for 开放数据校验与解密, decrypted independently with openssl).
    private const string SampleAppId = "wx4f4bc4dec97d474b";
    private const string SampleSessionKey = "tiihtNczf5v6AKRyjwEUhQ==";
    private const string SampleIv = "r7BXXKkLb8qrSNn05n0qiA==";
    private const string SampleEncryptedData =
        "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";
    private const string SamplePlaintext =
        """{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA","watermark":{"timestamp":1477314187,"appid":"wx4f4bc4dec97d474b"}}""";

    private const string SampleRawData =
        """{"nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0"}""";
    private const string SampleRawDataSessionKey = "HyVFkGl5F5OQWJZZaNzBBg==";
    private const string SampleRawDataSignature = "75e81ceda165f4ffa64f4068af58c64b8f54b88c";

    [Fact]
    public void Decrypt_ReturnsOfficialPlaintext_ForOfficialSample()
    {
        var json = WeChatOpenData.Decrypt(SampleEncryptedData, SampleIv, SampleSessionKey, SampleAppId);

        Assert.Equal(SamplePlaintext, json);
        Assert.Equal(
            "3237d8a5dbd413523c194882c7156544d8a06e2afcc97383cc300c17bd09391b",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Decrypt_Throws_WhenWatermarkBelongsToAnotherApp()
    {
        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatOpenData.Decrypt(SampleEncryptedData, SampleIv, SampleSessionKey, "wx0000000000000000"));

        Assert.Equal(WeChatDataErrorCodes.IllegalBuffer, ex.Code);
    }

    [Theory]
    [InlineData("tiihtNczf5v6AKRyjwEU")] // 15 bytes
    [InlineData("tiihtNczf5v6AKRyjwEUhQAA")] // 18 bytes
    [InlineData("not base64!")]
    [InlineData("")]
    public void Decrypt_Throws_WhenSessionKeyIsNot16Bytes(string sessionKey)
    {
        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatOpenData.Decrypt(SampleEncryptedData, SampleIv, sessionKey, SampleAppId));

        Assert.Equal(WeChatDataErrorCodes.IllegalAesKey, ex.Code);
    }

    [Theory]
    [InlineData("r7BXXKkLb8qrSNn05n0q")]
    [InlineData("r7BXXKkLb8qrSNn05n0qiA==AAAA")]
    public void Decrypt_Throws_WhenIvIsNot16Bytes(string iv)
    {
        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatOpenData.Decrypt(SampleEncryptedData, iv, SampleSessionKey, SampleAppId));

        Assert.Equal(WeChatDataErrorCodes.IllegalIv, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenSessionKeyIsWrong()
    {
        // A rotated session_key is the common real-world failure: the padding check catches it.
        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatOpenData.Decrypt(SampleEncryptedData, SampleIv, SampleRawDataSessionKey, SampleAppId));

        Assert.Equal(WeChatDataErrorCodes.IllegalBuffer, ex.Code);
    }

    [Fact]
    public void Decrypt_Throws_WhenCipherIsNotWholeBlocks()
    {
        var ex = Assert.Throws<WeChatDataException>(
            () => WeChatOpenData.Decrypt(SampleEncryptedData[..20], SampleIv, SampleSessionKey, SampleAppId));

        Assert.Equal(WeChatDataErrorCodes.IllegalBuffer, ex.Code);
    }

    [Fact]
    public void Encrypt_RoundTripsThroughDecrypt_WithChineseText()
    {
        const string json = """{"nickName":"张三","watermark":{"timestamp":1700000000,"appid":"wx4f4bc4dec97d474b"}}""";

        var (encryptedData, iv) = WeChatOpenData.Encrypt(json, SampleSessionKey);

        Assert.Equal(json, WeChatOpenData.Decrypt(encryptedData, iv, SampleSessionKey, SampleAppId));
        Assert.NotEqual(iv, WeChatOpenData.Encrypt(json, SampleSessionKey).Iv);
    }

    [Theory]
    [InlineData("86")]
    [InlineData("\"86\"")]
    public void DecryptPhoneNumber_ReadsCountryCode_AsNumberOrString(string countryCode)
    {
        var json = $$$"""{"phoneNumber":"13800138000","purePhoneNumber":"13800138000","countryCode":{{{countryCode}}},"watermark":{"timestamp":1700000000,"appid":"{{{SampleAppId}}}"}}""";
        var (encryptedData, iv) = WeChatOpenData.Encrypt(json, SampleSessionKey);

        var phone = WeChatOpenData.DecryptPhoneNumber(encryptedData, iv, SampleSessionKey, SampleAppId);

        Assert.Equal(new WeChatPhoneInfo("13800138000", "13800138000", "86", SampleAppId), phone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"phoneNumber\":{\"nested\":1},")]
    public void DecryptPhoneNumber_ThrowsDataException_WhenPayloadHasNoUsablePhoneNumber(string phoneField)
    {
        var json = $$$"""{{{{phoneField}}}"watermark":{"timestamp":1700000000,"appid":"{{{SampleAppId}}}"}}""";
        var (encryptedData, iv) = WeChatOpenData.Encrypt(json, SampleSessionKey);

        Assert.Throws<WeChatDataException>(() => WeChatOpenData.DecryptPhoneNumber(encryptedData, iv, SampleSessionKey, SampleAppId));
    }

    [Fact]
    public void VerifyRawDataSignature_AcceptsOfficialSample()
    {
        Assert.True(WeChatOpenData.VerifyRawDataSignature(SampleRawData, SampleRawDataSessionKey, SampleRawDataSignature));
        Assert.True(WeChatOpenData.VerifyRawDataSignature(SampleRawData, SampleRawDataSessionKey, SampleRawDataSignature.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("75e81ceda165f4ffa64f4068af58c64b8f54b88d")]
    [InlineData("75e81ceda165f4ffa64f4068af58c64b8f54b88")]
    [InlineData("zz")]
    [InlineData("")]
    public void VerifyRawDataSignature_Rejects_WhenSignatureDiffers(string signature)
    {
        Assert.False(WeChatOpenData.VerifyRawDataSignature(SampleRawData, SampleRawDataSessionKey, signature));
    }

    [Fact]
    public void VerifyRawDataSignature_Rejects_WhenRawDataWasTampered()
    {
        var tampered = SampleRawData.Replace("Band", "Bond", StringComparison.Ordinal);

        Assert.False(WeChatOpenData.VerifyRawDataSignature(tampered, SampleRawDataSessionKey, SampleRawDataSignature));
    }

    [Fact]
    public void Decrypt_ReturnsJsonThatParses_ForOfficialSample()
    {
        using var document = JsonDocument.Parse(WeChatOpenData.Decrypt(SampleEncryptedData, SampleIv, SampleSessionKey, SampleAppId));

        Assert.Equal("oGZUI0egBJY1zhBYw2KhdUfwVJJE", document.RootElement.GetProperty("openId").GetString());
    }
}
