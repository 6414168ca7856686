using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>
/// Where the limits count: per-node limits in this node's memory, shared ones in Redis under Redis:InstanceName. When
/// Redis does not answer, a shared limit holds per node in memory instead of failing the request; the fall-back and the
/// return are each logged once, not per request.
/// </summary>
public sealed class LimitStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _clock;
    private readonly ILogger<LimitStore> _logger;
    private readonly MemoryLimitCounters _memory = new();
    private readonly RedisLimitCounters _shared;
    private int _fallenBack;

    public LimitStore(IConnectionMultiplexer redis, IConfiguration configuration, TimeProvider clock,
        ILogger<LimitStore> logger)
    {
        (_redis, _clock, _logger) = (redis, clock, logger);
        _shared = new RedisLimitCounters(redis);
        Prefix = (configuration["Redis:InstanceName"] ?? "miniapp:") + "limits:";
    }

    /// <summary>Every key starts with this: Redis:InstanceName, then "limits:".</summary>
    public string Prefix { get; }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Counts a request in every window (see <see cref="ILimitCounters.HitAsync"/>); null when it may go
    /// on.</summary>
    public ValueTask<TimeSpan?> HitAsync(IReadOnlyList<WindowHit> hits, bool shared) =>
        shared ? SharedAsync(counters => counters.HitAsync(hits, Now)) : _memory.HitAsync(hits, Now);

    /// <summary>The same for a per-node limit, without waiting: this node's memory answers at once.</summary>
    public TimeSpan? HitOnThisNode(IReadOnlyList<WindowHit> hits) => _memory.Hit(hits, Now);

    /// <summary>Takes a counted request back (see <see cref="ILimitCounters.RefundAsync"/>).</summary>
    public async ValueTask RefundAsync(IReadOnlyList<WindowHit> hits, bool shared)
    {
        if (shared) await SharedAsync(counters => Done(counters.RefundAsync(hits, Now)));
        else await _memory.RefundAsync(hits, Now);
    }

    public ValueTask<LoginVerdict> BeginLoginAsync(string user, string address, LoginRules rules) =>
        SharedAsync(counters => counters.BeginLoginAsync(LoginKey(user), address, rules, Now));

    public async ValueTask UndoLoginAsync(string user, string address) =>
        await SharedAsync(counters => Done(counters.UndoLoginAsync(LoginKey(user), address)));

    public async ValueTask ForgetAddressAsync(string user, string address) =>
        await SharedAsync(counters => Done(counters.ForgetAddressAsync(LoginKey(user), address)));

    public async ValueTask ForgetUserAsync(string user) =>
        await SharedAsync(counters => Done(counters.ForgetUserAsync(LoginKey(user))));

    private string LoginKey(string user) => Prefix + "login:" + user;

    private async ValueTask<T> SharedAsync<T>(Func<ILimitCounters, ValueTask<T>> count)
    {
        // A multiplexer that knows it is disconnected is not asked: the request would wait for its timeout.
        if (_redis.IsConnected)
        {
            try
            {
                var answer = await count(_shared);
                if (Interlocked.Exchange(ref _fallenBack, 0) == 1)
                    _logger.LogInformation("Redis answers again: shared limits count in Redis");
                return answer;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                FallBack(exception.GetType().Name);
            }
        }
        else
        {
            FallBack("not connected");
        }
        return await count(_memory);
    }

    private void FallBack(string reason)
    {
        if (Interlocked.Exchange(ref _fallenBack, 1) == 0)
        {
            _logger.LogWarning(
                "Redis does not answer ({Reason}): shared limits fall back to this node's memory until it does",
                reason);
        }
    }

    private static async ValueTask<bool> Done(ValueTask operation)
    {
        await operation;
        return true;
    }
}
