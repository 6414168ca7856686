using MiniApp.WeChat.Tests.Sandbox;

namespace MiniApp.WeChat.Tests;

/// <summary>The real client, over real HTTP, against the sandbox emulator: both sides' reading of the WeChat docs must agree.</summary>
public sealed class WeChatClientSandboxFacts(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private const string Template = "tmpl-application-result";

    private readonly WeChatTestHost _client = new(
        settings =>
        {
            settings["WeChat:AppId"] = SandboxHost.AppId;
            settings["WeChat:AppSecret"] = SandboxHost.AppSecret;
            settings["WeChat:BaseUrl"] = fixture.Host.Http.BaseAddress!.ToString();
        },
        realNetwork: true);

    [Fact]
    public async Task Code2Session_ReturnsTheSession_ThenRejectsTheUsedCode()
    {
        var login = await Sandbox.NewLoginCodeAsync();

        var session = await Run(_client.Client.Code2SessionAsync(login.Code));
        var reused = await Assert.ThrowsAsync<WeChatApiException>(() => Run(_client.Client.Code2SessionAsync(login.Code)));

        Assert.Equal((login.Openid, login.SessionKey), (session.OpenId, session.SessionKey));
        Assert.True(reused.IsInvalidCode);
    }

    [Fact]
    public async Task Code2Session_RetriesThroughInjectedBusyAnswers()
    {
        var login = await Sandbox.NewLoginCodeAsync();
        await Sandbox.AddFaultAsync(new { api = "jscode2session", errcode = -1, times = 1 });
        await Sandbox.AddFaultAsync(new { api = "jscode2session", httpStatus = 503, times = 1 });

        var session = await Run(_client.Client.Code2SessionAsync(login.Code));

        Assert.Equal(login.Openid, session.OpenId);
    }

    [Fact]
    public async Task GetUserPhoneNumber_ReturnsThePhoneBehindTheCode()
    {
        var openid = await Sandbox.NewUserAsync();
        var code = (await Sandbox.ControlJsonAsync("phone-codes", new { openid, phoneNumber = "13800138000" })).GetProperty("code").GetString()!;

        var phone = await Run(_client.Client.GetUserPhoneNumberAsync(code, openid));

        Assert.Equal(new WeChatPhoneInfo("13800138000", "13800138000", "86", SandboxHost.AppId), phone);
    }

    [Fact]
    public async Task DecryptPhoneNumber_ReadsTheSandboxesEncryptedData()
    {
        var login = await Sandbox.NewLoginCodeAsync();
        var data = await Sandbox.ControlJsonAsync("phone-data", new { openid = login.Openid, phoneNumber = "13800138000" });

        var phone = WeChatOpenData.DecryptPhoneNumber(
            data.GetProperty("encryptedData").GetString()!, data.GetProperty("iv").GetString()!, login.SessionKey, SandboxHost.AppId);

        Assert.Equal("13800138000", phone.PurePhoneNumber);
    }

    [Fact]
    public async Task SendSubscribeMessage_SpendsTheGrant_ThenReports43101()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 1);
        var message = new SubscribeMessage(openid, Template, new Dictionary<string, string> { ["thing1"] = "审核通过" });

        await Run(_client.Client.SendSubscribeMessageAsync(message));
        var second = await Assert.ThrowsAsync<WeChatApiException>(() => Run(_client.Client.SendSubscribeMessageAsync(message)));

        Assert.Equal(WeChatErrorCodes.SubscriptionRequired, second.ErrCode);
        var sent = await Sandbox.Http.GetFromJsonAsync<JsonElement>($"/__sandbox/sent-messages?openid={openid}");
        Assert.Contains("审核通过", sent.GetRawText());
    }

    [Fact]
    public async Task SendSubscribeMessage_RecoversWithANewToken_WhenTheCachedOneWasForceRefreshedElsewhere()
    {
        var openid = await Sandbox.NewUserAsync();
        await Sandbox.GrantAsync(openid, Template, 1);
        var stale = await Run(_client.Tokens.GetTokenAsync().AsTask());
        await Sandbox.StableTokenAsync(forceRefresh: true); // another party kills the token we cached

        await Run(_client.Client.SendSubscribeMessageAsync(
            new SubscribeMessage(openid, Template, new Dictionary<string, string> { ["thing1"] = "审核通过" })));

        Assert.NotEqual(stale, await _client.Tokens.GetTokenAsync());
    }

    [Fact]
    public async Task GetUnlimitedQrCode_ReturnsAnImage_OrTheSceneError()
    {
        var image = await Run(_client.Client.GetUnlimitedQrCodeAsync(new UnlimitedQrCodeRequest("s=1234", CheckPath: false)));
        var tooLong = await Assert.ThrowsAsync<WeChatApiException>(
            () => Run(_client.Client.GetUnlimitedQrCodeAsync(new UnlimitedQrCodeRequest(new string('s', 33)))));

        Assert.StartsWith("image/", image.ContentType);
        Assert.NotEmpty(image.Content);
        Assert.Equal(WeChatErrorCodes.InvalidSceneLength, tooLong.ErrCode);
    }

    [Fact]
    public async Task CheckMessageSecurity_FlagsRiskyText()
    {
        var openid = await Sandbox.NewUserAsync();

        var risky = await Run(_client.Client.CheckMessageSecurityAsync(new MessageSecurityRequest(openid, "这里有违禁词")));
        var clean = await Run(_client.Client.CheckMessageSecurityAsync(new MessageSecurityRequest(openid, "你好")));

        Assert.Equal(("risky", "pass"), (risky.Suggest, clean.Suggest));
    }

    private SandboxHost Sandbox => fixture.Host;

    public Task InitializeAsync() => Sandbox.ResetAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static Task<T> Run<T>(Task<T> call) => call.WaitAsync(WeChatTestHost.Patience);

    private static async Task<bool> Run(Task call)
    {
        await call.WaitAsync(WeChatTestHost.Patience);
        return true;
    }
}
