using Microsoft.AspNetCore.Http.Features;

namespace MiniApp.Api.Infrastructure.Http;

/// <summary>
/// Refuses oversized requests as problem details before any work is done on them. Kestrel's own limits sit above these
/// (see <see cref="KestrelSetup"/>), so that a request between the two gets our answer and not Kestrel's empty one.
/// </summary>
public static class RequestLimitsMiddleware
{
    /// <summary>Address and headers: checked first, before authentication.</summary>
    public static IApplicationBuilder UseRequestShapeLimits(this IApplicationBuilder app) => app.Use(CheckShapeAsync);

    private static async Task CheckShapeAsync(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path.Value + context.Request.QueryString.Value;
        if (target.Length > limits.MaxUrlBytes)
        {
            await ProblemCodes.UriTooLong.Problem("请求地址过长，请缩短查询条件后重试").ExecuteAsync(context);
            return;
        }
        long headerBytes = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var value in values) headerBytes += value?.Length ?? 0;
        }
        if (headerBytes > limits.MaxHeaderBytes)
        {
            await ProblemCodes.HeadersTooLarge.Problem("请求头过大，请清理后重试").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>The body: after authentication and authorization, so a caller who may not send one learns nothing
    /// else.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(LimitBodyAsync);

    private static async Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes
            ?? context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(context);
            return;
        }
        // A body without Content-Length (chunked) is cut off by the server at the limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        await next(context);
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long limit) =>
        ProblemCodes.PayloadTooLarge.Problem($"提交的内容过大（不能超过{Size(limit)}）",
            new Dictionary<string, object?> { ["limit"] = limit });

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024.0):0.#}MB" : $"{Math.Max(1, bytes / 1024)}KB";
}
