using MiniApp.Api.Infrastructure.Http;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Stations;

public static class StationsEndpoints
{
    private static readonly EndpointProblem MayNotEdit =
        ProblemCodes.Forbidden.Because("the role may not edit stations");

    private static readonly EndpointProblem QrCodeRejected =
        StationProblems.QrCodeRejectedCode.Because("with WeChat's errcode");

    public static IEndpointRouteBuilder MapStationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Stations").AllowAnonymous();
        group.MapGet("/by-scene/{scene}", GetStationByScene.Handle)
            .WithSummary("The station a QR scene names (s=<station code>) and the union its applications go to")
            .WithProblems(ProblemCodes.ValidationFailed.Because("the scene is not s=<code>"),
                StationProblems.NotFoundCode)
            .WithResponseExample(StationExamples.ByScene);
        group.MapGet("/nearby", FindNearbyStations.Handle)
            .WithSummary("Active stations nearest to a GCJ-02 location, with distanceMeters and isOpenNow (China time)")
            .WithDescription("lat and lng are GCJ-02 (wx.getLocation({type:'gcj02'})) inside China; radiusKm defaults "
                + "to 5 (at most 50); "
                + "limit defaults to 20 (at most 50); type is one station type; facility may repeat and means all of "
                + "them; openNow=true "
                + "keeps stations open now. The location is never stored or logged.")
            .WithProblems(ProblemCodes.ValidationFailed)
            .WithResponseExample(StationExamples.Nearby)
            .WithRateLimit(RateLimitPolicies.Nearby);
        group.MapGet("/options", GetStationOptions.Handle)
            .WithSummary(
                "Station types, facilities, after-hours access methods and statuses: codes to send, names to show")
            .WithResponseExample(StationExamples.Options);
        group.MapGet("/{id:long}", GetStation.Handle)
            .WithSummary("A station's details (active or suspended)")
            .WithProblems(StationProblems.NotFoundCode.Because("no such station, or closed"))
            .WithResponseExample(StationExamples.View);

        MapStaffEndpoints(app);
        BenchPing.MapIfEnabled(app);
        return app;
    }

    private static void MapStaffEndpoints(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff/stations").WithTags("Staff: stations").RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);

        staff.MapGet("/", ListStations.Handle)
            .WithSummary("Stations of the caller's union and the unions below it, by code")
            .WithProblems(ProblemCodes.ValidationFailed.Because("page, pageSize, status, type, region or q"))
            .WithResponseExample(StationExamples.Page);
        staff.MapPost("/", CreateStation.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Create a station (county admins and union reviewers, for a union in their subtree)")
            .WithProblems(ProblemCodes.ValidationFailed, MayNotEdit, StationProblems.CodeTakenCode)
            .WithRequestExample(StationExamples.Input)
            .WithResponseExample(StationExamples.View);
        staff.MapGet("/{id:long}", GetStationForStaff.Handle)
            .WithSummary("One station in scope, whatever its status")
            .WithProblems(StationProblems.NotFoundCode.Because("not in scope"))
            .WithResponseExample(StationExamples.View);
        staff.MapPut("/{id:long}", UpdateStation.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Replace a station's editable fields (the code stays: it is printed in the QR code)")
            .WithProblems(ProblemCodes.ValidationFailed.Because("errors per field"), MayNotEdit,
                StationProblems.NotFoundCode)
            .WithRequestExample(StationExamples.Input)
            .WithResponseExample(StationExamples.View);
        staff.MapPost("/{id:long}/status", ChangeStationStatus.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary("Set active, suspended or closed; closed stations stay for history")
            .WithProblems(ProblemCodes.ValidationFailed.Because("status"), MayNotEdit, StationProblems.NotFoundCode,
                StationProblems.StateChangedCode.Because("someone else changed it first"))
            .WithRequestExample(StationExamples.Suspend)
            .WithResponseExample(StationExamples.View);
        MapStaffFiles(staff);
    }

    /// <summary>The import, its template and the QR codes: files in and out.</summary>
    private static void MapStaffFiles(RouteGroupBuilder staff)
    {
        staff.MapPost("/import", ImportStations.Handle)
            .RequireAuthorization(StationAccess.EditPolicy)
            .WithSummary(
            "Upsert stations by code from an .xlsx or .csv (multipart field file); dryRun=true only checks")
            .WithDescription(
            "Answers a result per row: created, updated, unchanged or failed (with messages per column). "
                + "Columns: see GET /api/staff/stations/import-template and README.")
            .WithProblems(
                ProblemCodes.ValidationFailed.Because("the file is missing, unreadable, lacks columns or is empty"),
                ProblemCodes.ImportTooLarge.Because("over 5 MB, unpacks past Imports:MaxUnpackedBytes, compressed "
                    + "beyond Imports:MaxCompressionRatio, or over Stations:ImportMaxRows rows; limit and unit name "
                    + "the limit"),
                MayNotEdit,
                StationProblems.StateChangedCode.Because("someone else changed a station meanwhile; import again"))
            .WithResponseExample(StationExamples.Import)
            .DisableAntiforgery()
            .WithUploadLimit(StationImportFile.MaxBytes);
        staff.MapGet("/import-template", GetStationImportTemplate.Handle)
            .WithSummary("The import template (format=xlsx, the default, or csv) with one example row")
            .Produces<Stream>(StatusCodes.Status200OK,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")
            .WithProblems(ProblemCodes.ValidationFailed.Because("format is xlsx or csv"));
        staff.MapGet("/{id:long}/qrcode", GetStationQrCode.Handle)
            .WithSummary("The station's mini-program code (scene s=<code>, the join page), made once and stored")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithProblems(StationProblems.NotFoundCode, QrCodeRejected, ProblemCodes.WeChatUnavailable);
        staff.MapGet("/qrcodes.zip", DownloadStationQrCodes.Handle)
            .WithSummary("Every active station's mini-program code in scope (optionally one region), named "
                + "<code>-<name>.png, for posters")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .WithProblems(ProblemCodes.ValidationFailed.Because("region, or too many stations at once"), QrCodeRejected,
                ProblemCodes.WeChatUnavailable);
    }
}
