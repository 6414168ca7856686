using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 key for our own JWTs, at least 32 bytes. From the environment (Auth__SigningKey), never committed.</summary>
    [Required, MinLength(32)] public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "miniapp-backend";
    public string Audience { get; set; } = "miniapp";

    /// <summary>Workers log in again silently through wx.login when this runs out.</summary>
    public TimeSpan WorkerTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed staff logins in a row before the account is locked.</summary>
    [Range(1, 100)] public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
