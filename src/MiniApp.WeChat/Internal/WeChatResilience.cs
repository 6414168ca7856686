using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MiniApp.WeChat.Internal;

/// <summary>
/// total timeout → retry → per-attempt timeout. The retry handles only failures where repeating is safe: HTTP 5xx,
/// network faults, timeouts and errcode -1 (busy). The -1 check reads the JSON body here rather than in the client so
/// that every failure kind shares one budget of 1 + MaxRetries attempts; a second loop in the client would multiply
/// them. Any other errcode (40029 above all: the code is single-use) goes straight back to the caller.
/// </summary>
internal static class WeChatResilience
{
    public const string PipelineName = "wechat";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeChatResilience));

        // Polly would otherwise take the TimeProvider from DI; a test that freezes the business clock with a fake one
        // would then freeze every WeChat retry delay and timeout too, and calls would hang instead of failing.
        pipeline.TimeProvider =
            services.GetKeyedService<TimeProvider>(WeChatServiceCollectionExtensions.ResilienceClockKey)
            ?? TimeProvider.System;
        pipeline.AddTimeout(options.AttemptTimeout * 3);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = args =>
                {
                    var path = args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "?";
                    WeChatLog.RetryScheduled(logger, path, args.AttemptNumber + 1, Describe(args.Outcome),
                        args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome,
        CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        return (int)response.StatusCode >= 500 || await IsBusyAsync(response, cancellationToken);
    }

    private static async ValueTask<bool> IsBusyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!response.IsSuccessStatusCode
            || mediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        // Buffering keeps the body readable for the caller after we peeked at it.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return WeChatJson.PeekErrCode(body) == WeChatErrorCodes.Busy;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } ex } => ex.GetType().Name,
        { Result: { IsSuccessStatusCode: true } } => "errcode -1",
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "unknown",
    };
}
