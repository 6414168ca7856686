using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// HMAC-SHA256 key for our own JWTs, at least 32 bytes. From the environment (Auth__SigningKey), never committed.
    /// </summary>
    [Required, MinLength(32)] public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "miniapp-backend";
    public string Audience { get; set; } = "miniapp";

    /// <summary>Workers log in again silently through wx.login when this runs out.</summary>
    public TimeSpan WorkerTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Failed staff logins of one username from one client address before that address is locked out for it.
    /// </summary>
    [Range(1, 100)] public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long such a lockout lasts; also the window failures are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures of one username from all addresses, within LockoutDuration, before its slow-down starts.
    /// </summary>
    [Range(1, 100_000)] public int SlowDownAfter { get; set; } = 10;

    /// <summary>
    /// During a slow-down, one attempt per interval for the username from addresses that already failed for it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SlowDownInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Password hashes at once on a node; 0: half the cores (at least one).</summary>
    [Range(0, 1024)] public int PasswordHashConcurrency { get; set; }

    /// <summary>Logins that may wait for a hashing slot; past that they answer 429 rate_limited.</summary>
    [Range(0, 100_000)] public int PasswordHashQueue { get; set; } = 8;
}
