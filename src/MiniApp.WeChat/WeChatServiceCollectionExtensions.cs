using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniApp.WeChat.Internal;

namespace MiniApp.WeChat;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>The named HttpClient shared by <see cref="WeChatClient"/> and the access-token provider.</summary>
    public const string HttpClientName = "MiniApp.WeChat";

    /// <summary>
    /// Key of an optional keyed <see cref="TimeProvider"/> for retry delays and timeouts. Unset, they run on the system
    /// clock even when the app's TimeProvider is a test fake; tests that exercise timeouts register a fake under this
    /// key.
    /// </summary>
    public const string ResilienceClockKey = "MiniApp.WeChat.Resilience";

    /// <summary>
    /// Registers <see cref="IWeChatClient"/> (typed HttpClient with the resilience pipeline), a singleton
    /// <see cref="IAccessTokenProvider"/> and <see cref="TimeProvider.System"/> unless one is registered.
    /// The caller registers the <c>IDistributedCache</c> (Redis, so every node shares the token).
    /// Returns the client builder so tests can swap the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddWeChatClient(this IServiceCollection services,
        string configSectionPath = WeChatOptions.Section)
    {
        services.AddOptions<WeChatOptions>()
            .BindConfiguration(configSectionPath)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessTokenProvider, StableAccessTokenProvider>();

        var builder = services.AddHttpClient<IWeChatClient, WeChatClient>(HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<WeChatOptions>>().Value;
            // The trailing slash keeps a path prefix in BaseUrl (a sandbox behind a proxy) when relative URIs resolve.
            http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
            // The resilience pipeline owns every timeout; HttpClient's own 100 s would only hide its errors.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddResilienceHandler(WeChatResilience.PipelineName, WeChatResilience.Configure);
        return builder;
    }
}
