using MiniApp.Api.Infrastructure.Http;
using MiniApp.Api.Infrastructure.RateLimiting;

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
        group.MapGet("/nearby", FindNearbyStations.Handle)
            .WithSummary("Active stations nearest to a GCJ-02 location, with distanceMeters and isOpenNow (China time)")
            .WithDescription("lat and lng are GCJ-02 (wx.getLocation({type:'gcj02'})) inside China; radiusKm defaults to 5 (at most 50); "
                + "limit defaults to 20 (at most 50); type is one station type; facility may repeat and means all of them; openNow=true "
                + "keeps stations open now. The location is never stored or logged. Problem codes: validation_failed (400).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithRateLimit(RateLimitPolicies.Nearby);
        group.MapGet("/options", GetStationOptions.Handle)
            .WithSummary("Station types, facilities, after-hours access methods and statuses: codes to send, names to show");
        group.MapGet("/{id:long}", GetStation.Handle)
            .WithSummary("A station's details (active or suspended)")
            .WithDescription("Problem codes: station_not_found (404: no such station, or closed).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapStaffEndpoints(app);
        BenchPing.MapIfEnabled(app);
        return app;
    }

    private static void MapStaffEndpoints(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff/stations").WithTags("Staff: stations").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        staff.MapGet("/", ListStations.Handle)
            .WithSummary("Stations of the caller's union and the unions below it, by code")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapPost("/", CreateStation.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Create a station (county admins and union reviewers, for a union in their subtree)")
            .WithDescription("Problem codes: validation_failed (400), forbidden (403: role may not edit), station_code_taken (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/{id:long}", GetStationForStaff.Handle)
            .WithSummary("One station in scope, whatever its status")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/{id:long}", UpdateStation.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Replace a station's editable fields (the code stays: it is printed in the QR code)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{id:long}/status", ChangeStationStatus.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Set active, suspended or closed; closed stations stay for history")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/import", ImportStations.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Upsert stations by code from an .xlsx or .csv (multipart field file); dryRun=true only checks")
            .WithDescription("Answers a result per row: created, updated, unchanged or failed (with messages per column). "
                + "Columns: see GET /api/staff/stations/import-template and README.")
            .DisableAntiforgery()
            .WithUploadLimit(StationImportFile.MaxBytes)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapGet("/import-template", GetStationImportTemplate.Handle)
            .WithSummary("The import template (format=xlsx, the default, or csv) with one example row")
            .Produces<Stream>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapGet("/{id:long}/qrcode", GetStationQrCode.Handle)
            .WithSummary("The station's mini-program code (scene s=<code>, the join page), made once and stored")
            .WithDescription("Problem codes: station_not_found (404), qrcode_rejected (502, with WeChat's errcode), wechat_unavailable (503).")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        staff.MapGet("/qrcodes.zip", DownloadStationQrCodes.Handle)
            .WithSummary("Every active station's mini-program code in scope (optionally one region), named <code>-<name>.png, for posters")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
