namespace MiniApp.WeChat.Sandbox;

/// <summary>Codes from the getPhoneNumber button: single use, five minutes, bound to one openid.</summary>
internal sealed class PhoneCodeStore(SandboxClock clock) : ISandboxStore
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string OpenId, string PhoneNumber, DateTimeOffset IssuedAt)> _codes =
        new(StringComparer.Ordinal);

    public string Issue(string openId, string phoneNumber)
    {
        var code = SandboxIds.NewPhoneCode();
        lock (_lock)
        {
            _codes[code] = (openId, phoneNumber, clock.UtcNow);
        }

        return code;
    }

    /// <summary>The phone number, or <c>null</c> for an unknown, used, expired or someone else's code.</summary>
    public string? Redeem(string code, string? openId)
    {
        lock (_lock)
        {
            if (!_codes.TryGetValue(code, out var entry))
            {
                return null;
            }

            // Someone else's code is refused without being spent, so the rightful user can still redeem it.
            if (openId is not null && openId != entry.OpenId)
            {
                return null;
            }

            _codes.Remove(code);
            return clock.UtcNow - entry.IssuedAt <= CodeLifetime ? entry.PhoneNumber : null;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _codes.Clear();
        }
    }
}
