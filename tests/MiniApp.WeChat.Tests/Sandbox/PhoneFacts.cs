using System.Security.Cryptography;

namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class PhoneFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    [Fact]
    public async Task GetUserPhoneNumber_ReturnsPhoneInfoWithWatermark_WhenCodeIsFresh()
    {
        var openid = await Sandbox.NewUserAsync();
        var code = await NewPhoneCodeAsync(openid, "13800138000");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await GetPhoneNumberAsync(new { code, openid });

        var info = response.GetProperty("phone_info");
        Assert.Equal(0, SandboxHost.Errcode(response));
        Assert.Equal("ok", response.GetProperty("errmsg").GetString());
        Assert.Equal("13800138000", info.GetProperty("phoneNumber").GetString());
        Assert.Equal("13800138000", info.GetProperty("purePhoneNumber").GetString());
        Assert.Equal("86", info.GetProperty("countryCode").GetString());
        Assert.Equal(SandboxHost.AppId, info.GetProperty("watermark").GetProperty("appid").GetString());
        Assert.InRange(info.GetProperty("watermark").GetProperty("timestamp").GetInt64(), before - 5, before + 5);
    }

    [Fact]
    public async Task GetUserPhoneNumber_Returns40029_WhenCodeIsUsedTwice()
    {
        var code = await NewPhoneCodeAsync("oPhoneUser000000000000000001", "13800138000");
        await GetPhoneNumberAsync(new { code });

        var second = await GetPhoneNumberAsync(new { code });

        Assert.Equal(40029, SandboxHost.Errcode(second));
    }

    [Fact]
    public async Task GetUserPhoneNumber_Returns40029ButKeepsTheCode_WhenCodeBelongsToAnotherOpenId()
    {
        var code = await NewPhoneCodeAsync("oPhoneOwner00000000000000001", "13800138000");

        var stranger = await GetPhoneNumberAsync(new { code, openid = "oPhoneStranger00000000000001" });
        var owner = await GetPhoneNumberAsync(new { code, openid = "oPhoneOwner00000000000000001" });

        Assert.Equal(40029, SandboxHost.Errcode(stranger));
        Assert.Equal(0, SandboxHost.Errcode(owner));
    }

    [Fact]
    public async Task GetUserPhoneNumber_Returns40029_WhenCodeIsOlderThanFiveMinutes()
    {
        var code = await NewPhoneCodeAsync("oPhoneUser000000000000000001", "13800138000");
        var token = await Sandbox.TokenAsync();
        await Sandbox.AdvanceClockAsync(301);

        var response = await Sandbox.PostWeChatAsync("/wxa/business/getuserphonenumber", new { code }, token);

        Assert.Equal(40029, SandboxHost.Errcode(response));
    }

    [Fact]
    public async Task PhoneData_DecryptsToPhoneNumberWithOurAppId_WhenUsingTheCurrentSessionKey()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var payload = await Sandbox.ControlJsonAsync("phone-data", new { openid = login.Openid, phoneNumber = "13912345678" });

        var data = Decrypt(payload, login.SessionKey);
        Assert.Equal("13912345678", data.GetProperty("phoneNumber").GetString());
        Assert.Equal("13912345678", data.GetProperty("purePhoneNumber").GetString());
        Assert.Equal(SandboxHost.AppId, data.GetProperty("watermark").GetProperty("appid").GetString());
    }

    [Fact]
    public async Task PhoneData_IsEncryptedWithTheNewestKey_WhenUserLoggedInAgain()
    {
        var first = await Sandbox.NewLoginCodeAsync();
        var second = await Sandbox.NewLoginCodeAsync(openid: first.Openid);

        var payload = await Sandbox.ControlJsonAsync("phone-data", new { openid = first.Openid, phoneNumber = "13912345678" });

        Assert.Equal("13912345678", Decrypt(payload, second.SessionKey).GetProperty("phoneNumber").GetString());
        Assert.ThrowsAny<Exception>(() => Decrypt(payload, first.SessionKey));
    }

    [Fact]
    public async Task PhoneData_Returns404_WhenOpenIdHasNoSession()
    {
        using var response = await Sandbox.ControlAsync("phone-data", new { openid = "oNeverLoggedIn00000000000001", phoneNumber = "13912345678" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PhoneCodes_Returns400_WhenPhoneNumberIsNotDigits()
    {
        using var response = await Sandbox.ControlAsync("phone-codes", new { openid = "oPhoneUser000000000000000001", phoneNumber = "call me" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> NewPhoneCodeAsync(string openid, string phoneNumber) =>
        (await Sandbox.ControlJsonAsync("phone-codes", new { openid, phoneNumber })).GetProperty("code").GetString()!;

    private async Task<JsonElement> GetPhoneNumberAsync(object body) =>
        await Sandbox.PostWeChatAsync("/wxa/business/getuserphonenumber", body, await Sandbox.TokenAsync());

    private static JsonElement Decrypt(JsonElement payload, string sessionKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        var plaintext = aes.DecryptCbc(
            Convert.FromBase64String(payload.GetProperty("encryptedData").GetString()!),
            Convert.FromBase64String(payload.GetProperty("iv").GetString()!),
            PaddingMode.PKCS7);
        return JsonDocument.Parse(plaintext).RootElement;
    }
}
