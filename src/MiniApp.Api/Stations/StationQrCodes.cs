using MiniApp.WeChat;

namespace MiniApp.Api.Stations;

/// <summary>
/// A station's mini-program code (getwxacodeunlimit, scene s=&lt;code&gt;, the configured join page), fetched from
/// WeChat once per page and env_version setting and stored: codes are permanent and WeChat allows 5000 a minute. Throws
/// WeChatApiException (the caller answers qrcode_rejected) or WeChatUnavailableException (wechat_unavailable).
/// </summary>
public sealed class StationQrCodes(MySqlDataSource dataSource, IWeChatClient weChat, IOptions<StationsOptions> options,
    TimeProvider clock)
{
    public sealed record Image(byte[] Content, string ContentType);

    private const string SelectSql = """
        SELECT image AS content, content_type FROM station_qrcodes WHERE station_id = @StationId AND page = @Page AND
            env_version = @Env
        """;

    // Two nodes asking at once both fetch; the first stored copy wins and both images scan the same.
    private const string InsertSql = """
        INSERT INTO station_qrcodes (station_id, page, env_version, content_type, image, created_at)
        VALUES (@StationId, @Page, @Env, @ContentType, @Content, @Now)
        ON DUPLICATE KEY UPDATE station_id = station_id
        """;

    public string Page => options.Value.QrPage;

    public string EnvVersion => options.Value.QrEnvVersion;

    public async Task<Image> GetOrCreateAsync(long stationId, string stationCode, CancellationToken cancellationToken)
    {
        var key = new { StationId = stationId, Page, Env = EnvVersion };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored =
            await connection.QuerySingleOrDefaultAsync<Image>(
            new CommandDefinition(SelectSql, key, cancellationToken: cancellationToken));
        if (stored is not null) return stored;

        var settings = options.Value;
        // check_path only passes for pages of the published version; trial and develop codes point at unpublished ones.
        var image =
            await weChat.GetUnlimitedQrCodeAsync(
            new UnlimitedQrCodeRequest(StationScene.For(stationCode), settings.QrPage,
            CheckPath: settings.QrEnvVersion == "release", EnvVersion: settings.QrEnvVersion, Width: settings.QrWidth),
                cancellationToken);
        var created = new Image(image.Content, ContentTypeOf(image));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            key.StationId, key.Page, key.Env, created.ContentType, created.Content, Now = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
        return created;
    }

    public static string ExtensionOf(string contentType) => contentType == "image/png" ? "png" : "jpg";

    // WeChat says image/jpeg; trust the bytes, which is also what a printer will.
    private static string ContentTypeOf(WeChatImage image) => image.Content switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => image.ContentType,
    };
}
