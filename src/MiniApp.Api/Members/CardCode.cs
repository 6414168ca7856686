using System.Buffers.Text;
using System.Security.Cryptography;

namespace MiniApp.Api.Members;

/// <summary>
/// The code in a membership card's QR: "m{memberId}.{expiresUnix}.{signature}", signed with a key derived from the
/// look-up key, valid for 5 minutes, so a screenshot of a card stops working soon after it was taken.
/// </summary>
public sealed class CardCode(IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly byte[] _key =
        HMACSHA256.HashData(Convert.FromBase64String(options.Value.LookupKey), "membership-card"u8);

    public (string Code, DateTimeOffset ExpiresAt) Issue(long memberId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime);
        var payload = $"m{memberId}.{expires.ToUnixTimeSeconds()}";
        return ($"{payload}.{Sign(payload)}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public CardCodeCheck Check(string? code)
    {
        var parts = (code ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts[0].Length < 2 || parts[0][0] != 'm'
            || !long.TryParse(parts[0].AsSpan(1), out var memberId) || !long.TryParse(parts[1], out var expiresUnix))
            return new CardCodeCheck(false, false, null);
        var expected = Sign($"{parts[0]}.{parts[1]}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected),
                Encoding.ASCII.GetBytes(parts[2])))
            return new CardCodeCheck(false, false, null);
        return new CardCodeCheck(true, clock.GetUtcNow().ToUnixTimeSeconds() > expiresUnix, memberId);
    }

    private string Sign(string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)).AsSpan(0, 16));
}

public sealed record CardCodeCheck(bool Authentic, bool Expired, long? MemberId);
