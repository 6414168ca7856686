namespace MiniApp.Api.Auth;

/// <summary>The OpenAPI examples of the login endpoints and the worker's summary (made-up data).</summary>
internal static class AuthExamples
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.example.signature";

    public const string WxLoginCode = "0a3Xyz000example0code";

    public static readonly WorkerSummary Worker = new(501, false, new ApplicationRef(1024, "submitted"), "139****5678");

    public static readonly WeChatLogin.Request WorkerLogin = new(WxLoginCode);

    public static readonly WeChatLogin.Response WorkerLoggedIn =
        new(Token, new DateTimeOffset(2026, 3, 9, 1, 30, 0, TimeSpan.Zero), Worker);

    public static readonly StaffLogin.Request StaffLogin = new("gs_reviewer", "Example-Passw0rd");

    public static readonly StaffLogin.Response StaffLoggedIn = new(Token,
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new StaffLogin.StaffSummary(7, "union_reviewer", 3));
}
