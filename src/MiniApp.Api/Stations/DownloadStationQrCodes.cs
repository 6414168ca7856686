using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using MiniApp.WeChat;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/staff/stations/qrcodes.zip?region=: every active station of the caller's subtree (and region) as one image
/// per station, named "&lt;code&gt;-&lt;name&gt;.png", for printing posters. Missing codes are fetched before the first
/// byte is sent, so a WeChat failure still answers as problem details (codes fetched so far stay stored for the retry).
/// </summary>
public static class DownloadStationQrCodes
{
    public sealed record Query([FromQuery(Name = "region")] string? Region);

    private sealed record Station(long Id, string Code, string Name, long? StoredFor);

    private const string StationsSql = """
        SELECT s.id, s.code, s.name, q.station_id AS stored_for
        FROM stations s
        JOIN organizations o ON o.id = s.owning_union_id
        LEFT JOIN station_qrcodes q ON q.station_id = s.id AND q.page = @Page AND q.env_version = @Env
        WHERE s.status = 'active' AND o.path LIKE @ScopePrefix AND s.region_code LIKE @RegionPrefix
        ORDER BY s.code
        LIMIT @Limit
        """;

    private const string ImagesSql = """
        SELECT s.code, s.name, q.content_type, q.image
        FROM stations s
        JOIN station_qrcodes q ON q.station_id = s.id AND q.page = @Page AND q.env_version = @Env
        WHERE s.id IN @Ids
        ORDER BY s.code
        """;

    private sealed record Entry(string Code, string Name, string ContentType, byte[] Image);

    private static async Task<List<Station>> StationsAsync(MySqlDataSource dataSource, StationQrCodes qrCodes,
        StaffContext staff, string regionPrefix, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.Db(cancellationToken).QueryAsync<Station>(StationsSql, new
        {
            qrCodes.Page, Env = qrCodes.EnvVersion, ScopePrefix = staff.UnionPath + "%",
            RegionPrefix = regionPrefix + "%", Limit = limit,
        })).ToList();
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Handle([AsParameters] Query query,
        StaffContext staff, MySqlDataSource dataSource, StationQrCodes qrCodes, IOptions<StationsOptions> options,
        CancellationToken cancellationToken)
    {
        var regionPrefix = "";
        if (query.Region is not null && !RegionPrefix.TryCreate(query.Region, out regionPrefix))
            return Problems.Validation("region", "区划代码为6至12位数字");
        var max = options.Value.QrZipMaxStations;

        var stations = await StationsAsync(dataSource, qrCodes, staff, regionPrefix, max + 1, cancellationToken);
        if (stations.Count > max)
            return Problems.Validation("region", $"一次最多下载{max}个站点的小程序码，请按区划分批下载");

        try
        {
            // A few at a time: fast enough for a county, far inside WeChat's 5000 a minute.
            await Parallel.ForEachAsync(stations.Where(s => s.StoredFor is null),
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (station, token) => await qrCodes.GetOrCreateAsync(station.Id, station.Code, token));
        }
        catch (WeChatApiException exception)
        {
            return StationProblems.QrCodeRejected(exception.ErrCode);
        }

        var ids = stations.Select(s => s.Id).ToArray();
        var fileName = $"stations-qrcodes{(query.Region is null ? "" : "-" + query.Region)}.zip";
        return TypedResults.Stream(async body =>
        {
            // ZipArchive writes some headers synchronously, which Kestrel refuses: it writes into a buffer that is
            // drained to the response after each entry, so memory stays at about one image however many there are.
            await using var buffer = new FileBufferingWriteStream();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                foreach (var batch in ids.Chunk(100))
                {
                    var entries = await connection.QueryAsync<Entry>(new CommandDefinition(ImagesSql,
                        new { qrCodes.Page, Env = qrCodes.EnvVersion, Ids = batch },
                            cancellationToken: cancellationToken));
                    foreach (var entry in entries)
                    {
                        // Images are compressed already.
                        var extension = StationQrCodes.ExtensionOf(entry.ContentType);
                        var name = $"{entry.Code}-{SafeName(entry.Name)}.{extension}";
                        using (var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open()) stream.Write(
                            entry.Image);
                        await buffer.DrainBufferAsync(body, cancellationToken);
                    }
                }
            }
            await buffer.DrainBufferAsync(body, cancellationToken);
        }, "application/zip", fileName);
    }

    private static string SafeName(string name)
    {
        var invalid = new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' };
        var cleaned = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return cleaned.Length > 60 ? cleaned[..60] : cleaned;
    }
}
