using System.Security.Cryptography;

namespace MiniApp.WeChat.Sandbox;

/// <summary>Random identifiers shaped like WeChat's.</summary>
internal static class SandboxIds
{
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>28 characters starting with <c>o</c>, like a real openid.</summary>
    public static string NewOpenId() => "o" + RandomNumberGenerator.GetString(UrlSafe, 27);

    public static string NewLoginCode() => RandomNumberGenerator.GetString(UrlSafe, 32);

    public static string NewPhoneCode() => RandomNumberGenerator.GetHexString(64, lowercase: true);

    /// <summary>Real tokens are 130–160 characters; 160 makes a client that stores fewer than 512 still pass, as it
    /// should.</summary>
    public static string NewAccessToken() => RandomNumberGenerator.GetString(UrlSafe, 160);

    public static string NewSessionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>rid</c> WeChat appends to every errmsg, e.g. <c>6523a2b1-0d3a4f2c-3e8e0d1b</c>.</summary>
    public static string NewRid() => $"{Hex8()}-{Hex8()}-{Hex8()}";

    public static string NewTraceId() => $"{NewRid()}-{Hex8()}";

    private static string Hex8() => RandomNumberGenerator.GetHexString(8, true);
}
