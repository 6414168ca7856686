namespace MiniApp.WeChat;

/// <summary>The mini-program's access_token, shared by every node through the distributed cache.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token that is not within the refresh margin of its expiry; fetched once per process when
    /// missing.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// WeChat rejected <paramref name="rejectedToken"/> (40001/42001/40014): drops it if it is still the cached one and
    /// stores a fresh token, force-refreshing when WeChat hands back the rejected one again.
    /// </summary>
    Task InvalidateAsync(string rejectedToken, CancellationToken cancellationToken = default);
}
