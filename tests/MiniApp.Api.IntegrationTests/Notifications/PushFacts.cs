using MiniApp.WeChat;

namespace MiniApp.Api.IntegrationTests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class PushFacts(ApiFixture api) : IAsyncLifetime
{
    private const string Token = "push-token-for-tests";
    private static readonly string AesKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()).TrimEnd('=');
    private WebApplicationFactory<Program> _push = null!;
    private WebApplicationFactory<Program> _plain = null!;

    public Task InitializeAsync()
    {
        _push = api.CreateFactory(builder =>
        {
            builder.UseSetting("WeChat:PushToken", Token);
            builder.UseSetting("WeChat:PushEncodingAesKey", AesKey);
        });
        // Plain mode: no EncodingAESKey configured.
        _plain = api.CreateFactory(builder => builder.UseSetting("WeChat:PushToken", Token));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _push.DisposeAsync();
        await _plain.DisposeAsync();
    }

    private static string Now(int offsetSeconds = 0) => (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString();

    private async Task<HttpResponseMessage> PostPlainAsync(string query, string body, string mediaType)
    {
        using var client = _plain.CreateClient();
        return await client.PostAsync("/api/wechat/push" + query, new StringContent(body, Encoding.UTF8, mediaType));
    }

    private static string Query(string timestamp, string nonce, string? extra = null) =>
        $"?signature={WeChatPushCrypto.ComputeSignature(Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}{extra}";

    private async Task<HttpResponseMessage> PostAsync(string query, string body, string mediaType)
    {
        using var client = _push.CreateClient();
        return await client.PostAsync("/api/wechat/push" + query, new StringContent(body, Encoding.UTF8, mediaType));
    }

    private static string PopupXml(string openId, string templateId, long createTime) => $"""
        <xml><ToUserName><![CDATA[gh_sandbox]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>
        <CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event>
        <SubscribeMsgPopupEvent><List><TemplateId><![CDATA[{templateId}]]></TemplateId>
        <SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List></SubscribeMsgPopupEvent></xml>
        """;

    [Fact]
    public async Task UrlCheck_EchoesEchostr_OnlyWithAValidSignature()
    {
        using var client = _push.CreateClient();

        var good = await client.GetAsync("/api/wechat/push" + Query("1714036504", "1514711492", "&echostr=hello-123"));
        var bad = await client.GetAsync("/api/wechat/push?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=x");

        Assert.Equal("hello-123", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task PlainXmlPopupAccept_AddsOneGrant_AndARetryOfTheSameEventAddsNothing()
    {
        var openId = "o-push-" + Guid.NewGuid().ToString("N")[..12];
        var body = PopupXml(openId, "tmpl-push", 1764380000);

        var first = await PostPlainAsync(Query(Now(), "11"), body, "text/xml");
        var retry = await PostPlainAsync(Query(Now(8), "12"), body, "text/xml");

        Assert.Equal("success", await first.Content.ReadAsStringAsync());
        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await api.RemainingGrantsAsync(openId, "tmpl-push"));
    }

    [Fact]
    public async Task BadSignature_Is401_AndChangesNothing()
    {
        var openId = "o-push-" + Guid.NewGuid().ToString("N")[..12];

        var response = await PostAsync($"?signature={new string('0', 40)}&timestamp=1&nonce=2", PopupXml(openId, "tmpl-push", 1), "text/xml");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await api.RemainingGrantsAsync(openId, "tmpl-push"));
    }

    [Fact]
    public async Task SafeModeJson_IsDecrypted_EvenWithAPadAbove16_AndAMatchingClientReportCountsOnce()
    {
        var worker = await api.LoginWorkerAsync();
        var message = JsonSerializer.Serialize(new
        {
            ToUserName = "gh_sandbox", FromUserName = worker.OpenId, CreateTime = 1764380100, MsgType = "event",
            Event = "subscribe_msg_popup_event",
            List = new[] { new { TemplateId = NotificationTestKit.ResultTemplate, SubscribeStatusString = "accept", PopupScene = "0" } },
        });
        // Plaintext = 16 random + 4 length + message + appid, padded to 32: make the pad 17..32.
        while ((20 + Encoding.UTF8.GetByteCount(message) + TestSettings.AppId.Length) % 32 is 0 or > 15) message += " ";
        var pad = 32 - (20 + Encoding.UTF8.GetByteCount(message) + TestSettings.AppId.Length) % 32;
        Assert.True(pad > 16);
        var encrypt = WeChatPushCrypto.Encrypt(AesKey, message, TestSettings.AppId, random16: new byte[16]);
        var envelope = JsonSerializer.Serialize(new { ToUserName = "gh_sandbox", Encrypt = encrypt });
        var (timestamp, nonce) = (Now(), "777");
        var msgSignature = WeChatPushCrypto.ComputeSignature(Token, timestamp, nonce, encrypt);

        var forged = await PostAsync(Query(timestamp, nonce, "&encrypt_type=aes&msg_signature=" + new string('a', 40)), envelope, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, await api.RemainingGrantsAsync(worker.OpenId));

        var response = await PostAsync(Query(timestamp, nonce, "&encrypt_type=aes&msg_signature=" + msgSignature), envelope, "application/json");
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await api.RemainingGrantsAsync(worker.OpenId));

        // The mini-program reports the same accept: still one grant.
        using var client = api.CreateClient(worker.Token);
        var reported = await (await client.PostAsJsonAsync("/api/me/subscriptions",
            new { results = new Dictionary<string, string> { [NotificationTestKit.ResultTemplate] = "accept" } })).AssertOkJsonAsync();
        Assert.Equal(1, reported.GetProperty("grants")[0].GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task ChangeEventReject_ClearsTheGrants()
    {
        var worker = await api.LoginWorkerAsync();
        await api.GrantAsync(worker, count: 2);
        Assert.Equal(2, await api.RemainingGrantsAsync(worker.OpenId));
        var body = $$"""
            {"ToUserName":"gh_sandbox","FromUserName":"{{worker.OpenId}}","CreateTime":1764380200,"MsgType":"event",
             "Event":"subscribe_msg_change_event","List":[{"TemplateId":"{{NotificationTestKit.ResultTemplate}}","SubscribeStatusString":"reject"}]}
            """;

        var response = await PostPlainAsync(Query(Now(), "5"), body, "application/json");

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await api.RemainingGrantsAsync(worker.OpenId));
    }

    [Fact]
    public async Task SafeModeXml_IsDecrypted_AndAWrongAppIdIsRefused()
    {
        var openId = "o-push-" + Guid.NewGuid().ToString("N")[..12];
        var (timestamp, nonce) = (Now(), "31");
        string Envelope(string encrypt) => $"<xml><ToUserName><![CDATA[gh_sandbox]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        string SafeQuery(string encrypt) =>
            Query(timestamp, nonce, "&encrypt_type=aes&msg_signature=" + WeChatPushCrypto.ComputeSignature(Token, timestamp, nonce, encrypt));
        var ours = WeChatPushCrypto.Encrypt(AesKey, PopupXml(openId, "tmpl-safe-xml", 1764380300), TestSettings.AppId);
        var theirs = WeChatPushCrypto.Encrypt(AesKey, PopupXml(openId, "tmpl-safe-xml", 1764380299), "wxanotherapp000001");

        var refused = await PostAsync(SafeQuery(theirs), Envelope(theirs), "text/xml");
        var accepted = await PostAsync(SafeQuery(ours), Envelope(ours), "text/xml");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("success", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, await api.RemainingGrantsAsync(openId, "tmpl-safe-xml"));
    }

    [Fact]
    public async Task PlainBody_IsRefused_OnceSafeModeIsConfigured()
    {
        var openId = "o-push-" + Guid.NewGuid().ToString("N")[..12];

        var response = await PostAsync(Query(Now(), "41"), PopupXml(openId, "tmpl-push", 1), "text/xml");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await api.RemainingGrantsAsync(openId, "tmpl-push"));
    }

    [Fact]
    public async Task ACapturedSignature_IsRefused_AfterFiveMinutes()
    {
        var openId = "o-push-" + Guid.NewGuid().ToString("N")[..12];

        var response = await PostPlainAsync(Query(Now(-301), "51"), PopupXml(openId, "tmpl-push", 1), "text/xml");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await api.RemainingGrantsAsync(openId, "tmpl-push"));
    }
}
