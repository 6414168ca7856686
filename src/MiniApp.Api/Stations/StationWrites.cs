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
        INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, facilities, opening_hours, phone,
            owning_union_id, status, photo_urls, change_version, created_at, updated_at)
        VALUES (@Code, @Name, @Type, @Address, @RegionCode, @Latitude, @Longitude, @FacilitiesJson, @OpeningHoursJson, @Phone,
            @UnionId, @Status, @PhotoUrlsJson, @Version, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string UpdateSql = """
        UPDATE stations SET name = @Name, type = @Type, address = @Address, region_code = @RegionCode, latitude = @Latitude,
            longitude = @Longitude, facilities = @FacilitiesJson, opening_hours = @OpeningHoursJson, phone = @Phone,
            owning_union_id = @UnionId, status = COALESCE(@Status, status), photo_urls = @PhotoUrlsJson, change_version = @Version,
            updated_at = @Now
        WHERE id = @Id
        """;

    public static Task<long> NextVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(NextVersionSql, transaction: transaction, cancellationToken: cancellationToken));

    public static Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, StationDraft draft, long unionId, string status,
        long version, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, Parameters(draft, unionId, status, version, now, 0), transaction,
            cancellationToken: cancellationToken));

    /// <summary>status null keeps the current one.</summary>
    public static Task UpdateAsync(DbConnection connection, DbTransaction transaction, long id, StationDraft draft, long unionId,
        string? status, long version, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UpdateSql, Parameters(draft, unionId, status, version, now, id), transaction,
            cancellationToken: cancellationToken));

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

    private static object Parameters(StationDraft draft, long unionId, string? status, long version, DateTime now, long id) => new
    {
        Id = id,
        draft.Code,
        draft.Name,
        draft.Type,
        draft.Address,
        draft.RegionCode,
        draft.Latitude,
        draft.Longitude,
        draft.FacilitiesJson,
        draft.OpeningHoursJson,
        draft.Phone,
        UnionId = unionId,
        Status = status,
        draft.PhotoUrlsJson,
        Version = version,
        Now = now,
    };
}
