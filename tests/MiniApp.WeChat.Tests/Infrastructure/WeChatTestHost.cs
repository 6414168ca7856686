using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MiniApp.WeChat.Tests.Infrastructure;

/// <summary>
/// The production wiring (<c>AddWeChatClient</c>) with WeChat replaced by <see cref="StubHttpHandler"/>, a fake clock,
/// an in-memory distributed cache and captured logs. Retry delays (on real time) are shrunk to a millisecond.
/// </summary>
public sealed class WeChatTestHost : IAsyncDisposable
{
    public const string AppId = "wx0123456789abcdef";
    public const string AppSecret = "app-secret-never-logged";

    /// <summary>How long a test waits for a call that retries on real time before calling it hung.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <param name="realNetwork">Leave the primary handler alone, to talk to a running sandbox instead of the stub.</param>
    /// <param name="fakeResilienceClock">Run retry delays and timeouts on <see cref="ResilienceClock"/> instead of real time.</param>
    public WeChatTestHost(
        Action<Dictionary<string, string?>>? configure = null,
        IDistributedCache? sharedCache = null,
        bool realNetwork = false,
        bool fakeResilienceClock = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = AppSecret,
            ["WeChat:BaseUrl"] = "https://api.weixin.test",
            ["WeChat:MaxRetries"] = "2",
            ["WeChat:RetryBaseDelay"] = "00:00:00.001",
            ["WeChat:AttemptTimeout"] = "00:00:05",
        };
        configure?.Invoke(settings);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        if (fakeResilienceClock)
        {
            services.AddKeyedSingleton<TimeProvider>(WeChatServiceCollectionExtensions.ResilienceClockKey, ResilienceClock);
        }

        if (sharedCache is null)
        {
            services.AddDistributedMemoryCache();
        }
        else
        {
            services.AddSingleton(sharedCache);
        }

        var client = services.AddWeChatClient();
        if (!realNetwork)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => Stub);
        }

        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public StubHttpHandler Stub { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Drives Polly's delays and timeouts when the host was built with <c>fakeResilienceClock</c>.</summary>
    public FakeTimeProvider ResilienceClock { get; } = new();

    public LogCapture Logs { get; } = new();

    public ServiceProvider Services { get; }

    public IWeChatClient Client => Services.GetRequiredService<IWeChatClient>();

    public IAccessTokenProvider Tokens => Services.GetRequiredService<IAccessTokenProvider>();

    /// <summary>Queues stable_token answers, one per token, each valid for two hours.</summary>
    public WeChatTestHost IssueTokens(params string[] tokens)
    {
        foreach (var token in tokens)
        {
            Stub.EnqueueJson(WeChatPaths.StableToken, $$"""{"access_token":"{{token}}","expires_in":7200}""");
        }

        return this;
    }

    /// <summary>
    /// Moves <see cref="ResilienceClock"/> by events, not by real time: each time one more attempt hangs (as counted by
    /// <paramref name="hungAttempts"/>), the clock moves by exactly <paramref name="attemptTimeout"/>, and by nothing else.
    /// Build the host with a zero RetryBaseDelay so that no other timer waits on the clock; the fake time that passes is
    /// then the same on any machine, however busy.
    /// </summary>
    public async Task TimeOutHungAttempts(Task call, Func<int> hungAttempts, TimeSpan attemptTimeout)
    {
        var timedOut = 0;
        var patience = TimeProvider.System.GetTimestamp();
        while (!call.IsCompleted)
        {
            if (hungAttempts() > timedOut)
            {
                timedOut++;
                ResilienceClock.Advance(attemptTimeout);
                patience = TimeProvider.System.GetTimestamp();
            }
            await Task.WhenAny(call, Task.Delay(1));
            if (TimeProvider.System.GetElapsedTime(patience) > Patience) throw new TimeoutException("The call neither finished nor hung again.");
        }

        await call;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
