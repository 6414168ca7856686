using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>One shared multiplexer from ConnectionStrings:Redis, used by the distributed cache (the WeChat access
    /// token lives there).</summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is briefly down; readiness reports it and the multiplexer reconnects.
        options.AbortOnConnectFail = false;
        // While Redis is down, fail a command at once (the caller answers 503 or carries on without it) instead of
        // queueing it for the 5 s timeout: a stalled request holds a thread and a connection for nothing.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddStackExchangeRedisCache(cache =>
            cache.InstanceName = configuration["Redis:InstanceName"] ?? "miniapp:");
        services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((cache, multiplexer) =>
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer));
        return services;
    }
}
