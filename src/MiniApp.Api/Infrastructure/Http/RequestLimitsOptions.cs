using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Http;

/// <summary>How big a request may be before any work is done on it. Bigger ones answer 413, 414 or 431 as problem
/// details.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Path and query together, in bytes (414 uri_too_long past it).</summary>
    [Range(1024, 60_000)] public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>All request headers together, in bytes (431 headers_too_large past it).</summary>
    [Range(4096, 120_000)] public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>A body for an endpoint that names no limit of its own: the JSON bodies (413 payload_too_large past
    /// it).</summary>
    [Range(1024, 8 * 1024 * 1024)] public long MaxBodyBytes { get; set; } = 64 * 1024;
}
