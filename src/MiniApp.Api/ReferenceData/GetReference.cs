using Microsoft.Net.Http.Headers;

namespace MiniApp.Api.ReferenceData;

/// <summary>GET /api/reference: every choice list of the form in one cacheable answer, revalidated with its ETag.
/// </summary>
public static class GetReference
{
    public sealed record Response(
        IReadOnlyList<CodeName> WorkerGroups,
        IReadOnlyList<CodeName> EmploymentForms,
        IReadOnlyList<CodeName> Townships,
        IReadOnlyList<CodeName> Ethnicities,
        IReadOnlyList<CodeName> EducationLevels,
        IReadOnlyList<CodeName> PoliticalStatuses,
        IReadOnlyList<CodeName> HukouTypes,
        IReadOnlyList<CodeName> ApplicationStatuses,
        IReadOnlyList<CodeName> RejectReasons);

    public const int MaxAgeSeconds = 300;

    public static async Task<Results<Ok<Response>, StatusCodeHttpResult>> Handle(
        HttpContext context, ReferenceCatalog catalog, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var etag = new EntityTagHeaderValue(snapshot.ETag);
        // A 304 repeats the validators and caching rules so the client's cached copy stays fresh for another period.
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue
        {
            Public = true, MaxAge = TimeSpan.FromSeconds(MaxAgeSeconds),
        };

        // If-None-Match uses the weak comparison (RFC 9110 §13.1.2), so W/"…" from a proxy matches as well.
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag =>
                tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        return TypedResults.Ok(new Response(snapshot.WorkerGroups, snapshot.EmploymentForms, snapshot.Townships,
            snapshot.Ethnicities, snapshot.EducationLevels, snapshot.PoliticalStatuses, snapshot.HukouTypes,
            snapshot.ApplicationStatuses, snapshot.RejectReasons));
    }
}
