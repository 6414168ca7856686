using Microsoft.Extensions.Caching.Distributed;
using MiniApp.WeChat.Wire;

namespace MiniApp.WeChat.Internal;

/// <summary>
/// access_token from /cgi-bin/stable_token, kept in the distributed cache so every node shares it. Normal-mode
/// stable_token hands concurrent nodes the same token, so a race between nodes costs a request, never a token.
/// </summary>
internal sealed class StableAccessTokenProvider(
    IHttpClientFactory httpClientFactory,
    IDistributedCache cache,
    IOptions<WeChatOptions> options,
    TimeProvider time,
    ILogger<StableAccessTokenProvider> logger) : IAccessTokenProvider, IDisposable
{
    public const string Api = "stable_token";

    // force_refresh kills the token on every node and WeChat allows it 20 times a day, at least 30 s apart.
    private static readonly TimeSpan ForceRefreshSpacing = TimeSpan.FromSeconds(30);

    // Below this, caching for expires_in − margin would mean refetching every few seconds.
    private static readonly TimeSpan ShortestUsefulLifetime = TimeSpan.FromMinutes(1);

    private readonly WeChatOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _local;
    private DateTimeOffset? _lastForcedAt;

    private string CacheKey => $"wechat:access-token:{_options.AppId}";

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(cancellationToken) is { } cached)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us has probably stored one.
            if (await ReadAsync(cancellationToken) is { } stored)
            {
                return stored.Token;
            }

            return (await FetchAndStoreAsync(forceRefresh: false, cancellationToken)).Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task InvalidateAsync(string rejectedToken, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadAsync(cancellationToken);
            if (current is not null && current.Token != rejectedToken)
            {
                return; // already replaced, here or on another node
            }

            await RemoveAsync(cancellationToken);
            var fresh = await FetchAndStoreAsync(forceRefresh: false, cancellationToken);
            if (fresh.Token != rejectedToken)
            {
                return;
            }

            if (_lastForcedAt is { } last && time.GetUtcNow() - last < ForceRefreshSpacing)
            {
                WeChatLog.ForceRefreshSkipped(logger, ForceRefreshSpacing);
                return;
            }

            await FetchAndStoreAsync(forceRefresh: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> FetchAndStoreAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(WeChatServiceCollectionExtensions.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "cgi-bin/stable_token")
        {
            Content = WeChatJson.Content(
                new StableTokenRequest("client_credential", _options.AppId, _options.AppSecret, forceRefresh)),
        };
        using var response = await WeChatHttp.SendAsync(http, request, Api, logger, cancellationToken);
        var body = await WeChatHttp.ReadJsonAsync<StableTokenResponse>(response, Api, logger, cancellationToken);
        if (string.IsNullOrEmpty(body.AccessToken) || body.ExpiresIn <= 0)
        {
            throw WeChatHttp.Unavailable(Api, "answer without access_token/expires_in", logger);
        }

        var now = time.GetUtcNow();
        if (forceRefresh)
        {
            _lastForcedAt = now;
        }

        var lifetime = Lifetime(body.ExpiresIn);
        var entry = new CachedToken(body.AccessToken, now + lifetime);
        _local = entry;
        try
        {
            // Relative expiry: the cache's own clock need not agree with ours; ReadAsync checks ExpiresAt anyway.
            var entryOptions = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime };
            await cache.SetAsync(CacheKey, JsonSerializer.SerializeToUtf8Bytes(entry), entryOptions, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WeChatLog.TokenCacheFailed(logger, "set", ex);
        }

        WeChatLog.TokenFetched(logger, _options.AppId, forceRefresh, lifetime);
        return entry;
    }

    private TimeSpan Lifetime(int expiresInSeconds)
    {
        var expiresIn = TimeSpan.FromSeconds(expiresInSeconds);
        var lifetime = expiresIn - _options.TokenRefreshMargin;
        return lifetime >= ShortestUsefulLifetime ? lifetime : expiresIn / 2;
    }

    private async Task<CachedToken?> ReadAsync(CancellationToken cancellationToken)
    {
        CachedToken? entry;
        try
        {
            var bytes = await cache.GetAsync(CacheKey, cancellationToken);
            entry = bytes is null ? null : JsonSerializer.Deserialize<CachedToken>(bytes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A cache outage must not stop WeChat calls: fall back to what this node fetched last.
            WeChatLog.TokenCacheFailed(logger, "get", ex);
            entry = _local;
        }

        return entry is not null && entry.ExpiresAt > time.GetUtcNow() ? entry : null;
    }

    private async Task RemoveAsync(CancellationToken cancellationToken)
    {
        _local = null;
        try
        {
            await cache.RemoveAsync(CacheKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WeChatLog.TokenCacheFailed(logger, "remove", ex);
        }
    }

    private sealed record CachedToken(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);
}
