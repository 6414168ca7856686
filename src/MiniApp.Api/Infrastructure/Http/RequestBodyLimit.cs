namespace MiniApp.Api.Infrastructure.Http;

/// <summary>Endpoint metadata: the largest body this endpoint takes, in bytes, instead of
/// RequestLimits:MaxBodyBytes.</summary>
public sealed record RequestBodyLimit(long Bytes)
{
    /// <summary>A multipart upload of a file of at most <paramref name="fileBytes"/>: the form's own framing comes on
    /// top.</summary>
    public static RequestBodyLimit ForUpload(long fileBytes) => new(fileBytes + 64 * 1024);
}

public static class RequestBodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(bytes));

    public static TBuilder WithUploadLimit<TBuilder>(this TBuilder builder, long fileBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RequestBodyLimit.ForUpload(fileBytes));
}
