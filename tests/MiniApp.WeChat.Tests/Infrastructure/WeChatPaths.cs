namespace MiniApp.WeChat.Tests.Infrastructure;

public static class WeChatPaths
{
    public const string StableToken = "cgi-bin/stable_token";
    public const string Code2Session = "sns/jscode2session";
    public const string PhoneNumber = "wxa/business/getuserphonenumber";
    public const string SubscribeSend = "cgi-bin/message/subscribe/send";
    public const string QrCode = "wxa/getwxacodeunlimit";
    public const string MessageSecurity = "wxa/msg_sec_check";
}
