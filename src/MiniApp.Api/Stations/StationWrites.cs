namespace MiniApp.Api.Stations;

/// <summary>
/// The statements every station write shares. A write first takes the next station_index_version (and with it that
/// row's lock, held to commit), then stamps the rows it touches with it: other nodes load "what changed since N", and
/// taking the counter first gives every writer the same lock order.
/// </summary>
public static class StationWrites
{
    private const string NextVersionSql = """
        UPDATE station_index_version SET version = version + 1 WHERE id = 1;
        SELECT version FROM station_index_version WHERE id = 1;
        """;

    private const string InsertSql = """
        INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, facilities, opening_hours,
            phone,
            owning_union_id, status, photo_urls, change_version, created_at, updated_at)
        VALUES (@Code, @Name, @Type, @Address, @RegionCode, @Latitude, @Longitude, @FacilitiesJson, @OpeningHoursJson,
            @Phone,
            @UnionId, @Status, @PhotoUrlsJson, @Version, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string UpdateSql = """
        UPDATE stations SET name = @Name, type = @Type, address = @Address, region_code = @RegionCode, latitude =
            @Latitude,
            longitude = @Longitude, facilities = @FacilitiesJson, opening_hours = @OpeningHoursJson, phone = @Phone,
            owning_union_id = @UnionId, status = COALESCE(@Status, status), photo_urls = @PhotoUrlsJson, change_version
                = @Version,
            updated_at = @Now
        WHERE id = @Id
        """;

    /// <summary>A station's row as a write leaves it: the draft, its owning union and status (null keeps the current
    /// one on update), stamped with the index version and the time.</summary>
    public sealed record Write(StationDraft Draft, long UnionId, string? Status, long Version, DateTime Now);

    public static Task<long> NextVersionAsync(Db db) => db.ExecuteScalarAsync<long>(NextVersionSql);

    public static Task<long> InsertAsync(Db db, Write write) =>
        db.ExecuteScalarAsync<long>(InsertSql, Parameters(write, 0));

    public static Task UpdateAsync(Db db, long id, Write write) => db.ExecuteAsync(UpdateSql, Parameters(write, id));

    /// <summary>The fields an update changes, for the audit row (names only, never values).</summary>
    public static string[] ChangedFields(StationRow before, StationDraft after, long unionId, string? status)
    {
        var changed = new List<string>();
        void Compare(string field, bool same) { if (!same) changed.Add(field); }
        Compare("name", before.Name == after.Name);
        Compare("type", before.Type == after.Type);
        Compare("address", before.Address == after.Address);
        Compare("regionCode", before.RegionCode == after.RegionCode);
        Compare("latitude", before.Latitude == after.Latitude);
        Compare("longitude", before.Longitude == after.Longitude);
        Compare("facilities", StationRow.JsonList(before.Facilities).SequenceEqual(after.Facilities));
        Compare("openingHours", OpeningHours.FromJson(before.OpeningHours).ToJson() == after.OpeningHoursJson);
        Compare("phone", before.Phone == after.Phone);
        Compare("owningUnionId", before.OwningUnionId == unionId);
        Compare("photoUrls", StationRow.JsonList(before.PhotoUrls).SequenceEqual(after.PhotoUrls));
        Compare("status", status is null || before.Status == status);
        return changed.ToArray();
    }

    private static object Parameters(Write write, long id) => new
    {
        Id = id,
        write.Draft.Code,
        write.Draft.Name,
        write.Draft.Type,
        write.Draft.Address,
        write.Draft.RegionCode,
        write.Draft.Latitude,
        write.Draft.Longitude,
        write.Draft.FacilitiesJson,
        write.Draft.OpeningHoursJson,
        write.Draft.Phone,
        write.UnionId,
        write.Status,
        write.Draft.PhotoUrlsJson,
        write.Version,
        write.Now,
    };
}
