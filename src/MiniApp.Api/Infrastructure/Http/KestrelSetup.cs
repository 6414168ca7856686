using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MiniApp.Api.Infrastructure.Http;

public static class KestrelSetup
{
    /// <summary>Largest body any endpoint takes (an import's file and its multipart framing).</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// No Server header; request-line and header limits well above <see cref="RequestLimitsOptions"/>, so that
    /// oversized requests reach <see cref="RequestLimitsMiddleware"/> and get problem details; beyond these Kestrel
    /// answers alone.
    /// </summary>
    public static WebApplicationBuilder ConfigureApiKestrel(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 128 * 1024;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
