using System.Net.Http.Headers;

namespace MiniApp.WeChat.Tests;

/// <summary>What goes over the wire and how answers are read.</summary>
public class WeChatClientRequestFacts
{
    [Fact]
    public async Task Code2Session_SendsCredentialsAndCodeInTheQuery()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, """{"openid":"oUser123456789","session_key":"a2V5","unionid":"uUnion"}""");

        var session = await host.Client.Code2SessionAsync("code+/=");

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("api.weixin.test", request.Uri.Host);
        Assert.Equal(WeChatTestHost.AppId, request.Query["appid"]);
        Assert.Equal(WeChatTestHost.AppSecret, request.Query["secret"]);
        Assert.Equal("code+/=", request.Query["js_code"]);
        Assert.Equal("authorization_code", request.Query["grant_type"]);
        Assert.Equal(new WeChatSession("oUser123456789", "a2V5", "uUnion"), session);
    }

    [Theory]
    [InlineData("""{"openid":"oUser123456789","session_key":"a2V5"}""")]
    [InlineData("""{"errcode":0,"errmsg":"ok","openid":"oUser123456789","session_key":"a2V5"}""")]
    public async Task Code2Session_ReadsMissingErrCodeAsZero(string answer)
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, answer);

        var session = await host.Client.Code2SessionAsync("code");

        Assert.Equal(new WeChatSession("oUser123456789", "a2V5", null), session);
    }

    [Fact]
    public async Task Code2Session_ReadsJson_WhenWeChatLabelsItTextPlain()
    {
        await using var host = new WeChatTestHost();
        host.Stub.Enqueue(WeChatPaths.Code2Session, (_, _) => Task.FromResult(new HttpResponseMessage
        {
            Content = new StringContent("""{"errcode":-1,"errmsg":"busy"}""", MediaTypeHeaderValue.Parse("text/plain")),
        }));
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, """{"openid":"oUser123456789","session_key":"a2V5"}""");

        var session = await host.Client.Code2SessionAsync("code").WaitAsync(WeChatTestHost.Patience);

        Assert.Equal("oUser123456789", session.OpenId);
        Assert.Equal(2, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task GetUserPhoneNumber_PutsAccessTokenInTheQueryOnly()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.PhoneNumber, PhoneAnswer("86"));

        await host.Client.GetUserPhoneNumberAsync("phone-code", "oUser123456789");

        var request = Assert.Single(host.Stub.To(WeChatPaths.PhoneNumber));
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("TOKEN_1", request.Query["access_token"]);
        Assert.DoesNotContain("access_token", request.Body);
        Assert.DoesNotContain("TOKEN_1", request.Body);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("phone-code", request.Json.GetProperty("code").GetString());
        Assert.Equal("oUser123456789", request.Json.GetProperty("openid").GetString());
    }

    [Fact]
    public async Task GetUserPhoneNumber_OmitsOpenId_WhenNotGiven()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.PhoneNumber, PhoneAnswer("86"));

        await host.Client.GetUserPhoneNumberAsync("phone-code");

        Assert.False(host.Stub.To(WeChatPaths.PhoneNumber)[0].Json.TryGetProperty("openid", out _));
    }

    [Theory]
    [InlineData("86")]
    [InlineData("\"86\"")]
    public async Task GetUserPhoneNumber_ReadsCountryCode_AsNumberOrString(string countryCode)
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.PhoneNumber, PhoneAnswer(countryCode));

        var phone = await host.Client.GetUserPhoneNumberAsync("phone-code");

        Assert.Equal(new WeChatPhoneInfo("13800138000", "13800138000", "86", WeChatTestHost.AppId), phone);
    }

    [Fact]
    public async Task SendSubscribeMessage_WritesTheDocumentedBody_WithChineseUnescaped()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, """{"errcode":0,"errmsg":"ok"}""");

        await host.Client.SendSubscribeMessageAsync(new SubscribeMessage(
            "oUser123456789",
            "tmpl-1",
            new Dictionary<string, string> { ["thing1"] = "预约成功", ["time2"] = "2025年3月1日 15:01" },
            Page: "pages/order/detail?id=7",
            MiniProgramState: "trial",
            Lang: "zh_CN"));

        var request = Assert.Single(host.Stub.To(WeChatPaths.SubscribeSend));
        Assert.Contains("\"value\":\"预约成功\"", request.Body);
        Assert.DoesNotContain("\\u", request.Body);
        var body = request.Json;
        Assert.Equal("oUser123456789", body.GetProperty("touser").GetString());
        Assert.Equal("tmpl-1", body.GetProperty("template_id").GetString());
        Assert.Equal("pages/order/detail?id=7", body.GetProperty("page").GetString());
        Assert.Equal("2025年3月1日 15:01", body.GetProperty("data").GetProperty("time2").GetProperty("value").GetString());
        Assert.Equal("trial", body.GetProperty("miniprogram_state").GetString());
        Assert.Equal("zh_CN", body.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task SendSubscribeMessage_LeavesOutOptionalFields_WhenNotGiven()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.SubscribeSend, """{"errcode":0,"errmsg":"ok"}""");

        await host.Client.SendSubscribeMessageAsync(new SubscribeMessage("o", "t", new Dictionary<string, string> { ["thing1"] = "x" }));

        var names = host.Stub.To(WeChatPaths.SubscribeSend)[0].Json.EnumerateObject().Select(p => p.Name);
        Assert.Equal(["touser", "template_id", "data"], names);
    }

    [Fact]
    public async Task GetUnlimitedQrCode_ReturnsImageBytes_AndSendsTheDocumentedBody()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x7B];
        host.Stub.Enqueue(WeChatPaths.QrCode, (_, _) => Task.FromResult(Image(jpeg, "image/jpeg")));

        var image = await host.Client.GetUnlimitedQrCodeAsync(
            new UnlimitedQrCodeRequest("s=1234", "pages/station/index", CheckPath: false, EnvVersion: "trial", Width: 430));

        Assert.Equal(jpeg, image.Content);
        Assert.Equal("image/jpeg", image.ContentType);
        var body = Assert.Single(host.Stub.To(WeChatPaths.QrCode)).Json;
        Assert.Equal("s=1234", body.GetProperty("scene").GetString());
        Assert.Equal("pages/station/index", body.GetProperty("page").GetString());
        Assert.False(body.GetProperty("check_path").GetBoolean());
        Assert.Equal("trial", body.GetProperty("env_version").GetString());
        Assert.Equal(430, body.GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData("application/json; encoding=utf-8")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task GetUnlimitedQrCode_Throws_WhenWeChatAnswersJson(string? contentType)
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        var json = """{"errcode":40169,"errmsg":"invalid length for scene, rid: 10"}"""u8.ToArray();
        host.Stub.Enqueue(WeChatPaths.QrCode, (_, _) => Task.FromResult(Image(json, contentType)));

        var ex = await Assert.ThrowsAsync<WeChatApiException>(
            () => host.Client.GetUnlimitedQrCodeAsync(new UnlimitedQrCodeRequest(new string('s', 40))));

        Assert.Equal(WeChatErrorCodes.InvalidSceneLength, ex.ErrCode);
        Assert.Equal("getwxacodeunlimit", ex.Api);
        Assert.Single(host.Stub.To(WeChatPaths.QrCode));
    }

    [Fact]
    public async Task CheckMessageSecurity_SendsVersion2_AndReturnsTheVerdict()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.MessageSecurity, """
            {"errcode":0,"errmsg":"ok","result":{"suggest":"risky","label":20001},"detail":[],"trace_id":"60ae120f-371d5872-7941a05b"}
            """);

        var result = await host.Client.CheckMessageSecurityAsync(new MessageSecurityRequest("oUser123456789", "测试文本", Scene: 3, Title: "标题"));

        Assert.Equal(new MessageSecurityResult("risky", 20001, "60ae120f-371d5872-7941a05b"), result);
        var body = Assert.Single(host.Stub.To(WeChatPaths.MessageSecurity)).Json;
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal("oUser123456789", body.GetProperty("openid").GetString());
        Assert.Equal(3, body.GetProperty("scene").GetInt32());
        Assert.Equal("测试文本", body.GetProperty("content").GetString());
        Assert.Equal("标题", body.GetProperty("title").GetString());
        Assert.False(body.TryGetProperty("nickname", out _));
    }

    [Fact]
    public async Task CheckMessageSecurity_ReadsMissingErrCodeAsZero()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens("TOKEN_1");
        host.Stub.EnqueueJson(WeChatPaths.MessageSecurity, """{"result":{"suggest":"pass","label":100},"trace_id":"t"}""");

        var result = await host.Client.CheckMessageSecurityAsync(new MessageSecurityRequest("oUser123456789", "你好"));

        Assert.Equal(new MessageSecurityResult("pass", 100, "t"), result);
    }

    private static string PhoneAnswer(string countryCode) => $$$$"""
        {"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"13800138000","purePhoneNumber":"13800138000",
        "countryCode":{{{{countryCode}}}},"watermark":{"timestamp":1637744274,"appid":"{{{{WeChatTestHost.AppId}}}}"}}}
        """;

    private static HttpResponseMessage Image(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new HttpResponseMessage { Content = content };
    }
}
