using MiniApp.WeChat;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/staff/stations/{id}/qrcode: the station's mini-program code as an image (PNG from the sandbox, JPEG from
/// WeChat). A WeChat refusal answers 502 qrcode_rejected with its errcode; WeChat down answers 503 wechat_unavailable.
/// </summary>
public static class GetStationQrCode
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(long id, StaffContext staff,
        MySqlDataSource dataSource, StationQrCodes qrCodes, CancellationToken cancellationToken)
    {
        StationRow? station;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            station = await StationAccess.InScopeAsync(connection.Db(cancellationToken), staff, id);
        }
        if (station is null) return StationProblems.NotFound();
        try
        {
            var image = await qrCodes.GetOrCreateAsync(station.Id, station.Code, cancellationToken);
            return TypedResults.File(image.Content, image.ContentType,
                $"{station.Code}.{StationQrCodes.ExtensionOf(image.ContentType)}");
        }
        catch (WeChatApiException exception)
        {
            return StationProblems.QrCodeRejected(exception.ErrCode);
        }
    }
}
