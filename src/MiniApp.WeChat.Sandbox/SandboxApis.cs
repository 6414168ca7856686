namespace MiniApp.WeChat.Sandbox;

/// <summary>The API names that faults are injected by.</summary>
internal static class SandboxApis
{
    public const string JsCode2Session = "jscode2session";
    public const string StableToken = "stable_token";
    public const string GetUserPhoneNumber = "getuserphonenumber";
    public const string SubscribeSend = "subscribe_send";
    public const string GetWxaCodeUnlimit = "getwxacodeunlimit";
    public const string MsgSecCheck = "msg_sec_check";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        JsCode2Session, StableToken, GetUserPhoneNumber, SubscribeSend, GetWxaCodeUnlimit, MsgSecCheck,
    };
}
