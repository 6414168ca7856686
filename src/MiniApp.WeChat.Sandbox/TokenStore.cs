namespace MiniApp.WeChat.Sandbox;

internal enum TokenStatus
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>stable_token semantics: one current token shared by all callers, renewed in its last five
/// minutes.</summary>
internal sealed class TokenStore(SandboxClock clock, IOptions<SandboxOptions> options) : ISandboxStore
{
    public static readonly TimeSpan RenewalWindow = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, bool Revoked)> _tokens = new(StringComparer.Ordinal);
    private string? _current;

    /// <summary>The current token and its remaining seconds; force_refresh revokes the current one at once.</summary>
    /// <remarks>WeChat limits force_refresh to 20 a day, 30 s apart; the sandbox does not, so tests can force
    /// freely.</remarks>
    public (string Token, int ExpiresIn) GetStable(bool forceRefresh)
    {
        lock (_lock)
        {
            var now = clock.UtcNow;
            if (_current is not null)
            {
                var (expiresAt, _) = _tokens[_current];
                if (forceRefresh)
                {
                    _tokens[_current] = (expiresAt, true);
                }
                else if (expiresAt - now >= RenewalWindow)
                {
                    return (_current, (int)(expiresAt - now).TotalSeconds);
                }

                // Otherwise it is renewed, and the old token keeps working until its own expiry.
            }

            var lifetime = options.Value.TokenLifetimeSeconds;
            _current = SandboxIds.NewAccessToken();
            _tokens[_current] = (now.AddSeconds(lifetime), false);
            return (_current, lifetime);
        }
    }

    public TokenStatus Check(string token)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(token, out var entry) || entry.Revoked)
            {
                return TokenStatus.Invalid;
            }

            return clock.UtcNow < entry.ExpiresAt ? TokenStatus.Valid : TokenStatus.Expired;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _tokens.Clear();
            _current = null;
        }
    }
}
