using MiniApp.Api.Applications;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/stations/by-scene/{scene}: the station a QR code names and the union an application from it goes to.
/// </summary>
public static class GetStationByScene
{
    public sealed record Response(StationSummary Station, ReceivingUnion ReceivingUnion);

    public sealed record StationSummary(long Id, string Code, string Name, string Type, string Address,
        string RegionCode,
        decimal Latitude, decimal Longitude, string Status);

    private sealed record Row(long Id, string Code, string Name, string Type, string Address, string RegionCode,
        decimal Latitude,
        decimal Longitude, string Status, long UnionId, string UnionName);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string scene, MySqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        if (!StationScene.TryParse(scene, out var code)) return Problems.Validation("scene", "二维码内容无法识别");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT s.id, s.code, s.name, s.type, s.address, s.region_code, s.latitude, s.longitude, s.status,
                   o.id AS union_id, o.name AS union_name
            FROM stations s JOIN organizations o ON o.id = s.owning_union_id
            WHERE s.code = @code AND s.status <> 'closed'
            """, new { code }, cancellationToken: cancellationToken));
        if (row is null) return StationProblems.NotFoundCode.Problem("未找到该站点，请确认二维码是否正确");
        return TypedResults.Ok(new Response(
            new StationSummary(row.Id, row.Code, row.Name, row.Type, row.Address, row.RegionCode, row.Latitude,
                row.Longitude, row.Status),
            new ReceivingUnion(row.UnionId, row.UnionName, ReceivingUnionRouter.StationUnion)));
    }
}
