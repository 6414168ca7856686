namespace MiniApp.WeChat.Sandbox;

/// <summary>What code2Session hands out for one wx.login.</summary>
internal sealed record LoginSession(string OpenId, string SessionKey, string? UnionId);

/// <summary>Login codes, each user's current session key, and which openids the app has seen.</summary>
internal sealed class UserStore(SandboxClock clock) : ISandboxStore
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (LoginSession Session, DateTimeOffset IssuedAt)> _codes =
        new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoginSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Emulates wx.login: a fresh code, and the user's session key rotates to this login's key.</summary>
    public (string Code, LoginSession Session) IssueLoginCode(string? openId, string? unionId, string? sessionKey)
    {
        var code = SandboxIds.NewLoginCode();
        lock (_lock)
        {
            openId ??= SandboxIds.NewOpenId();
            // unionid belongs to the user, so a later login without one keeps the earlier one.
            unionId ??= _sessions.GetValueOrDefault(openId)?.UnionId;
            var session = new LoginSession(openId, sessionKey ?? SandboxIds.NewSessionKey(), unionId);
            _codes[code] = (session, clock.UtcNow);
            _sessions[openId] = session;
            _known.Add(openId);
            return (code, session);
        }
    }

    /// <summary>Single use: the code is gone after the first attempt, whether it was still fresh or not.</summary>
    public LoginSession? RedeemLoginCode(string code)
    {
        lock (_lock)
        {
            if (!_codes.Remove(code, out var entry))
            {
                return null;
            }

            return clock.UtcNow - entry.IssuedAt <= CodeLifetime ? entry.Session : null;
        }
    }

    public LoginSession? CurrentSession(string openId)
    {
        lock (_lock)
        {
            return _sessions.GetValueOrDefault(openId);
        }
    }

    public void MarkKnown(string openId)
    {
        lock (_lock)
        {
            _known.Add(openId);
        }
    }

    public bool IsKnown(string openId)
    {
        lock (_lock)
        {
            return _known.Contains(openId);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _codes.Clear();
            _sessions.Clear();
            _known.Clear();
        }
    }
}
