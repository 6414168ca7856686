using MiniApp.WeChat.Wire;
using Polly.Timeout;

namespace MiniApp.WeChat.Internal;

/// <summary>
/// Sends through the resilient HttpClient and turns what is left after the retries into our exceptions:
/// network faults, timeouts, 5xx and errcode -1 become <see cref="WeChatUnavailableException"/>,
/// any other errcode a <see cref="WeChatApiException"/>.
/// </summary>
internal static class WeChatHttp
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage request, string api, ILogger logger, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(api, "network error", logger, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unavailable(api, "timed out", logger, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(api, "timed out", logger, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw Unavailable(api, $"HTTP {status}", logger);
    }

    public static async Task<T> ReadJsonAsync<T>(
        HttpResponseMessage response, string api, ILogger logger, CancellationToken cancellationToken)
        where T : WeChatResponse =>
        Parse<T>(await response.Content.ReadAsByteArrayAsync(cancellationToken), api, logger);

    public static T Parse<T>(byte[] body, string api, ILogger logger) where T : WeChatResponse
    {
        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<T>(body, WeChatJson.Options);
        }
        catch (JsonException ex)
        {
            throw Unavailable(api, "unreadable response", logger, ex);
        }

        if (parsed is null)
        {
            throw Unavailable(api, "empty response", logger);
        }

        if (parsed.ErrCode == 0)
        {
            return parsed;
        }

        WeChatLog.ApiFailed(logger, api, parsed.ErrCode, parsed.ErrMsg);
        throw parsed.ErrCode == WeChatErrorCodes.Busy
            ? new WeChatUnavailableException(api, $"still busy (errcode -1) after retries: {parsed.ErrMsg}")
            : new WeChatApiException(api, parsed.ErrCode, parsed.ErrMsg ?? "");
    }

    public static WeChatUnavailableException Unavailable(string api, string reason, ILogger logger,
        Exception? inner = null)
    {
        WeChatLog.Unavailable(logger, api, reason, inner);
        return new WeChatUnavailableException(api, reason, inner);
    }
}
