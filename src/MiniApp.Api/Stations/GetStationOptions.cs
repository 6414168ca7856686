using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/stations/options: the choices of the station filters and forms (codes to send, names to show).
/// </summary>
public static class GetStationOptions
{
    public sealed record Response(IReadOnlyList<CodeName> Types, IReadOnlyList<CodeName> Facilities,
        IReadOnlyList<CodeName> AccessMethods,
        IReadOnlyList<CodeName> Statuses);

    public const int MaxAgeSeconds = 300;

    public static async Task<Ok<Response>> Handle(HttpContext http, FacilityCatalog facilities,
        CancellationToken cancellationToken)
    {
        var list = await facilities.GetAsync(cancellationToken);
        http.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        return TypedResults.Ok(
            new Response(StationCatalog.Types, list, StationCatalog.AccessMethods, StationCatalog.Statuses));
    }
}
