using Hangfire;
using Hangfire.Common;
using Hangfire.Redis.StackExchange;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniApp.Api.Infrastructure.Telemetry;
using StackExchange.Redis;

namespace MiniApp.Api.Infrastructure.Hangfire;

public sealed class HangfireSettings
{
    public const string Section = "Hangfire";

    /// <summary>
    /// Redis key prefix of Hangfire's storage; empty: Redis:InstanceName + "hangfire:", so parallel test runs never
    /// share queues.
    /// </summary>
    public string? Prefix { get; set; }

    public int WorkerCount { get; set; } = 4;

    /// <summary>Off: this process runs no Hangfire server even in the worker role (tests run jobs directly).</summary>
    public bool ServerEnabled { get; set; } = true;
}

public static class HangfireSetup
{
    /// <summary>
    /// Hangfire on the shared Redis; the server and the recurring schedule only where the role runs jobs.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration,
        AppRole role)
    {
        var settings = configuration.GetSection(HangfireSettings.Section).Get<HangfireSettings>()
            ?? new HangfireSettings();
        var prefix = string.IsNullOrWhiteSpace(settings.Prefix) ? (configuration["Redis:InstanceName"] ?? "miniapp:")
            + "hangfire:" : settings.Prefix;
        // The storage is this container's own, on its own multiplexer: Hangfire's static JobStorage.Current would be
        // shared by every host in the process (tests run several) and outlive the multiplexer it was built on.
        services.AddSingleton<JobStorage>(provider =>
            new QuietRedisStorage(provider.GetRequiredService<IConnectionMultiplexer>(),
                new RedisStorageOptions { Prefix = prefix }));
        AddJobFilters(services);
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        if (role.RunsJobs() && settings.ServerEnabled)
        {
            services.AddHangfireServer(options => options.WorkerCount = settings.WorkerCount);
            services.AddHostedService<RecurringJobsRegistration>();
        }
        return services;
    }

    /// <summary>
    /// This container's job filters: Hangfire's own (its global ones, the attributes on jobs) and the metrics filter.
    /// The server takes its filters from here; registered before AddHangfire, which only adds a provider if none is.
    /// </summary>
    private static void AddJobFilters(IServiceCollection services)
    {
        services.TryAddSingleton<ApiMetrics>();
        services.AddSingleton<JobMetricsFilter>();
        services.AddSingleton<IJobFilterProvider>(provider => new JobFilterProviderCollection(
            JobFilterProviders.Providers, new JobFilterCollection { provider.GetRequiredService<JobMetricsFilter>() }));
    }

    private sealed class RecurringJobsRegistration(IRecurringJobManager jobs,
        ILogger<RecurringJobsRegistration> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                RecurringJobs.Register(jobs);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis is down at start-up: the server retries on its own; the schedule is written by the next start.
                JobsLog.RecurringJobsNotRegistered(logger, ex);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Hangfire logs its storage at start-up; the default text is the Redis connection string, password included.
/// </summary>
internal sealed class QuietRedisStorage(IConnectionMultiplexer redis, RedisStorageOptions options)
    : RedisStorage(redis, options)
{
    private readonly string _prefix = options.Prefix;

    public override string ToString() => $"Redis (prefix {_prefix})";
}
