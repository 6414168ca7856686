namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real MariaDB and Redis started by scripts/test.sh are. Without them these tests fail; they never skip.
/// </summary>
internal static class TestSettings
{
    public static string MySql =>
        Environment.GetEnvironmentVariable("MINIAPP_TEST_MYSQL")
        ?? "Server=127.0.0.1;Port=3317;Database=miniapp_test;User ID=miniapp;Password=miniapp-local;CharacterSet=utf8mb4";

    public static string Redis => Environment.GetEnvironmentVariable("MINIAPP_TEST_REDIS") ?? "127.0.0.1:6390";

    public const string AppId = "wxsandbox00000001";
    public const string AppSecret = "sandbox-secret-0001";
}
