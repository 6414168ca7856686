using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>
/// The counters in Redis, one Lua script per operation so each is atomic across nodes. Times are the app's
/// (milliseconds since 1970) and stored with the counts; Redis expiry only clears keys whose windows have run out.
/// </summary>
internal sealed class RedisLimitCounters(IConnectionMultiplexer redis) : ILimitCounters
{
    // KEYS: one hash per window {n, end}. ARGV: now, then limit and window (ms) per key.
    private const string HitScript = """
        local now = tonumber(ARGV[1])
        local wait, counts, ends = 0, {}, {}
        for i, key in ipairs(KEYS) do
          local limit, window = tonumber(ARGV[i * 2]), tonumber(ARGV[i * 2 + 1])
          local state = redis.call('HMGET', key, 'n', 'end')
          local n, e = tonumber(state[1]) or 0, tonumber(state[2]) or 0
          if e <= now then n, e = 0, now + window end
          counts[i], ends[i] = n, e
          if n >= limit and e - now > wait then wait = e - now end
        end
        if wait > 0 then return wait end
        for i, key in ipairs(KEYS) do
          redis.call('HSET', key, 'n', counts[i] + 1, 'end', ends[i])
          redis.call('PEXPIRE', key, ends[i] - now)
        end
        return 0
        """;

    // KEYS: the windows to take one request out of, while they still run. ARGV: now.
    private const string RefundScript = """
        local now = tonumber(ARGV[1])
        for _, key in ipairs(KEYS) do
          local state = redis.call('HMGET', key, 'n', 'end')
          if (tonumber(state[1]) or 0) > 0 and (tonumber(state[2]) or 0) > now then
            redis.call('HINCRBY', key, 'n', -1)
          end
        end
        return 0
        """;

    // KEYS[1]: the username's hash: a:<address> and e:<address> (failures, window or lock end) per address, and total,
    // end, next for the username. ARGV: now, address, max failures, lockout (ms), slow-down after, slow-down interval
    // (ms). Answers {0} admitted, {1, ms} locked, {2, ms} slowed down.
    private const string BeginLoginScript = """
        local now, a, e = tonumber(ARGV[1]), 'a:' .. ARGV[2], 'e:' .. ARGV[2]
        local max, lockout = tonumber(ARGV[3]), tonumber(ARGV[4])
        local slowAfter, interval = tonumber(ARGV[5]), tonumber(ARGV[6])
        local s = redis.call('HMGET', KEYS[1], a, e, 'total', 'end', 'next')
        local n, pairEnd = tonumber(s[1]) or 0, tonumber(s[2]) or 0
        if pairEnd <= now then n, pairEnd = 0, now + lockout end
        if n >= max then return {1, pairEnd - now} end
        local total, userEnd, nextAt = tonumber(s[3]) or 0, tonumber(s[4]) or 0, tonumber(s[5]) or 0
        if userEnd <= now then total, userEnd, nextAt = 0, now + lockout, 0 end
        if n > 0 and total >= slowAfter and now < nextAt then return {2, nextAt - now} end
        n = n + 1
        if n >= max then pairEnd = now + lockout end
        redis.call('HSET', KEYS[1], a, n, e, pairEnd, 'total', total + 1, 'end', userEnd, 'next', now + interval)
        redis.call('PEXPIRE', KEYS[1], lockout)
        return {0, 0}
        """;

    private const string UndoLoginScript = """
        local a = 'a:' .. ARGV[1]
        if (tonumber(redis.call('HGET', KEYS[1], a)) or 0) > 0 then
          redis.call('HINCRBY', KEYS[1], a, -1)
          if (tonumber(redis.call('HGET', KEYS[1], 'total')) or 0) > 0 then
            redis.call('HINCRBY', KEYS[1], 'total', -1)
          end
        end
        return 0
        """;

    private const string ForgetAddressScript = """
        local a = 'a:' .. ARGV[1]
        local n = tonumber(redis.call('HGET', KEYS[1], a)) or 0
        if n > 0 then
          local total = tonumber(redis.call('HGET', KEYS[1], 'total')) or 0
          redis.call('HSET', KEYS[1], 'total', math.max(0, total - n))
        end
        redis.call('HDEL', KEYS[1], a, 'e:' .. ARGV[1])
        return 0
        """;

    public async ValueTask<TimeSpan?> HitAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now)
    {
        var keys = hits.Select(hit => (RedisKey)hit.Key).ToArray();
        var values = new RedisValue[1 + hits.Count * 2];
        values[0] = now.ToUnixTimeMilliseconds();
        for (var i = 0; i < hits.Count; i++)
        {
            values[1 + i * 2] = hits[i].Limit.PermitLimit;
            values[2 + i * 2] = (long)hits[i].Limit.Window.TotalMilliseconds;
        }
        var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(HitScript, keys, values);
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }

    public async ValueTask RefundAsync(IReadOnlyList<WindowHit> hits, DateTimeOffset now) =>
        await redis.GetDatabase().ScriptEvaluateAsync(RefundScript, hits.Select(hit => (RedisKey)hit.Key).ToArray(),
            [now.ToUnixTimeMilliseconds()]);

    public async ValueTask<LoginVerdict> BeginLoginAsync(string user, string address, LoginRules rules,
        DateTimeOffset now)
    {
        var answer = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(BeginLoginScript, [user],
        [
            now.ToUnixTimeMilliseconds(), address, rules.MaxFailures, (long)rules.Lockout.TotalMilliseconds,
            rules.SlowDownAfter, (long)rules.SlowDownInterval.TotalMilliseconds,
        ]))!;
        return answer[0] switch
        {
            0 => LoginVerdict.Admitted,
            1 => new LoginVerdict(LoginVerdictKind.Locked, TimeSpan.FromMilliseconds(answer[1])),
            _ => new LoginVerdict(LoginVerdictKind.SlowedDown, TimeSpan.FromMilliseconds(answer[1])),
        };
    }

    public async ValueTask UndoLoginAsync(string user, string address) =>
        await redis.GetDatabase().ScriptEvaluateAsync(UndoLoginScript, [user], [address]);

    public async ValueTask ForgetAddressAsync(string user, string address) =>
        await redis.GetDatabase().ScriptEvaluateAsync(ForgetAddressScript, [user], [address]);

    public async ValueTask ForgetUserAsync(string user) => await redis.GetDatabase().KeyDeleteAsync(user);
}
