namespace MiniApp.Api.Stations;

public static class StationsEndpoints
{
    public static IEndpointRouteBuilder MapStationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Stations").AllowAnonymous();
        group.MapGet("/by-scene/{scene}", GetStationByScene.Handle)
            .WithSummary("The station a QR scene names (s=<station code>) and the union its applications go to")
            .WithDescription("Problem codes: validation_failed (the scene is not s=<code>), station_not_found (404).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
