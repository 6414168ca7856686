using Microsoft.Extensions.Logging;

namespace MiniApp.WeChat.Tests;

public class WeChatLoggingFacts
{
    private const string LoginCode = "0a3Xyz-login-code";
    private const string PhoneCode = "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144";
    private const string Token = "ACCESS_TOKEN_83_chars_long_secret";
    private const string SessionKey = "c2Vzc2lvbi1rZXktc2VjcmV0";
    private const string OpenId = "oUserFullOpenId0123456789";
    private const string Phone = "13912345678";

    [Fact]
    public async Task Failures_AreLoggedWithApiErrCodeAndErrMsg_AtWarning()
    {
        await using var host = new WeChatTestHost();
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, """{"errcode":40029,"errmsg":"invalid code, rid: 65f1a2b3-1234"}""");

        await Assert.ThrowsAsync<WeChatApiException>(() => host.Client.Code2SessionAsync(LoginCode));

        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Warning
            && entry.Message.Contains("jscode2session", StringComparison.Ordinal)
            && entry.Message.Contains("40029", StringComparison.Ordinal)
            && entry.Message.Contains("rid: 65f1a2b3-1234", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_NeverContainSecretsCodesTokensOrPersonalData()
    {
        await using var host = new WeChatTestHost();
        host.IssueTokens(Token, Token + "_2");
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, """{"errcode":-1,"errmsg":"busy"}""");
        host.Stub.EnqueueJson(WeChatPaths.Code2Session, $$"""{"openid":"{{OpenId}}","session_key":"{{SessionKey}}"}""");
        host.Stub.EnqueueJson(WeChatPaths.PhoneNumber, """{"errcode":40001,"errmsg":"invalid credential"}""");
        host.Stub.EnqueueJson(WeChatPaths.PhoneNumber, $$$"""{"phone_info":{"phoneNumber":"{{{Phone}}}","purePhoneNumber":"{{{Phone}}}","countryCode":86}}""");
        host.Stub.Enqueue(WeChatPaths.MessageSecurity, (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("reset")));
        host.Stub.EnqueueJson(WeChatPaths.MessageSecurity, """{"errcode":40003,"errmsg":"invalid openid"}""");

        await host.Client.Code2SessionAsync(LoginCode).WaitAsync(WeChatTestHost.Patience);
        await host.Client.GetUserPhoneNumberAsync(PhoneCode, OpenId);
        var check = new MessageSecurityRequest(OpenId, "text");
        await Assert.ThrowsAsync<WeChatApiException>(() => host.Client.CheckMessageSecurityAsync(check).WaitAsync(WeChatTestHost.Patience));

        Assert.NotEmpty(host.Logs.Entries);
        foreach (var secret in new[] { WeChatTestHost.AppSecret, LoginCode, PhoneCode, Token, SessionKey, OpenId, Phone })
        {
            Assert.DoesNotContain(host.Logs.Entries, entry => entry.ToString().Contains(secret, StringComparison.Ordinal));
        }
    }
}
