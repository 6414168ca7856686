using System.Security.Cryptography;
using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// Signed values that let a county admin's browser into the dashboard: a one-time token (5 minutes, spent in Redis on
/// first use) traded for an HttpOnly session cookie (30 minutes). Both are HMAC-SHA256 under a key derived from the JWT
/// key.
/// </summary>
public sealed class DashboardTokens(IOptions<AuthOptions> auth, IConnectionMultiplexer redis,
    IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);
    private const string TokenPurpose = "hangfire-token";
    private const string SessionPurpose = "hangfire-session";

    /// <summary>
    /// Both values carry the staff id and the "iat" of the login they came from, so a password reset or a disabled
    /// account ends dashboard access just as it ends the login.
    /// </summary>
    public sealed record Holder(long StaffId, long IssuedAt);

    public (string Token, DateTimeOffset ExpiresAt) CreateToken(Holder holder)
    {
        var expires = clock.GetUtcNow() + TokenLifetime;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return (Sign(TokenPurpose, $"{holder.StaffId}.{holder.IssuedAt}.{expires.ToUnixTimeSeconds()}.{nonce}"),
            expires);
    }

    /// <summary>The holder of a valid, unexpired token never used before; a second use answers null.</summary>
    public async Task<Holder?> RedeemTokenAsync(string? token)
    {
        if (Verify(TokenPurpose, token, 4) is not { } parts) return null;
        var key = (configuration["Redis:InstanceName"] ?? "miniapp:") + "hangfire-token-used:" + parts[3];
        var first =
            await redis.GetDatabase().StringSetAsync(key, "1", TokenLifetime + TimeSpan.FromMinutes(1), When.NotExists);
        return first ? HolderOf(parts) : null;
    }

    public (string Value, DateTimeOffset ExpiresAt) CreateSession(Holder holder)
    {
        var expires = clock.GetUtcNow() + SessionLifetime;
        return (Sign(SessionPurpose, $"{holder.StaffId}.{holder.IssuedAt}.{expires.ToUnixTimeSeconds()}"), expires);
    }

    public Holder? ReadSession(string? value) => Verify(SessionPurpose, value, 3) is { } parts ? HolderOf(parts) : null;

    private static Holder HolderOf(string[] parts) =>
        new(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));

    private string Sign(string purpose, string payload) => payload + "." + Mac(purpose, payload);

    private string[]? Verify(string purpose, string? value, int fields)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return null;
        var cut = value.LastIndexOf('.');
        if (cut <= 0) return null;
        var payload = value[..cut];
        var expected = Encoding.ASCII.GetBytes(Mac(purpose, payload));
        if (!CryptographicOperations.FixedTimeEquals(expected,
            Encoding.ASCII.GetBytes(value[(cut + 1)..]))) return null;
        var parts = payload.Split('.');
        if (parts.Length != fields || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out _)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out _)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expiry)) return null;
        return clock.GetUtcNow().ToUnixTimeSeconds() < expiry ? parts : null;
    }

    private string Mac(string purpose, string payload)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(auth.Value.SigningKey), Encoding.UTF8.GetBytes(purpose));
        return Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
