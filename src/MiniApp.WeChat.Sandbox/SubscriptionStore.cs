namespace MiniApp.WeChat.Sandbox;

/// <summary>A subscribe message WeChat accepted; the shape <c>GET /__sandbox/sent-messages</c> returns.</summary>
internal sealed record SentMessage(
    long Msgid,
    string Touser,
    string TemplateId,
    string? Page,
    IReadOnlyDictionary<string, string> Data,
    string? MiniprogramState,
    string? Lang,
    DateTimeOffset SentAt);

/// <summary>One-time subscription grants per (openid, template) and the messages they were spent on.</summary>
internal sealed class SubscriptionStore : ISandboxStore
{
    // Real msgids exceed the int range; starting above it catches a client that parses them as int.
    private const long FirstMsgid = 2_900_000_000_000_000_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string OpenId, string TemplateId), int> _grants = new();
    private readonly List<SentMessage> _sent = [];
    private long _lastMsgid = FirstMsgid;

    public int AddGrants(string openId, string templateId, int count)
    {
        lock (_lock)
        {
            var total = _grants.GetValueOrDefault((openId, templateId)) + count;
            _grants[(openId, templateId)] = total;
            return total;
        }
    }

    /// <summary>Spends one grant and records the message; <c>null</c> when no grant is left.</summary>
    public long? TrySend(Func<long, SentMessage> message, string openId, string templateId)
    {
        lock (_lock)
        {
            var remaining = _grants.GetValueOrDefault((openId, templateId));
            if (remaining <= 0)
            {
                return null;
            }

            _grants[(openId, templateId)] = remaining - 1;
            var sent = message(++_lastMsgid);
            _sent.Add(sent);
            return sent.Msgid;
        }
    }

    public IReadOnlyList<SentMessage> Sent(string? openId)
    {
        lock (_lock)
        {
            return [.. _sent.Where(m => openId is null || m.Touser == openId)];
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _grants.Clear();
            _sent.Clear();
            _lastMsgid = FirstMsgid;
        }
    }
}
