namespace MiniApp.Api.Stations;

/// <summary>
/// A station as staff and workers read it. Nothing here is personal data: the phone is the station's own.
/// </summary>
public sealed record StationView(long Id, string Code, string Name, string Type, string Address, string RegionCode,
    decimal Latitude,
    decimal Longitude, IReadOnlyList<string> Facilities, OpeningHours OpeningHours, bool IsOpenNow, string? Phone,
        StationUnion OwningUnion,
    string Status, IReadOnlyList<string> PhotoUrls, DateTime UpdatedAt);

public sealed record StationUnion(long Id, string Name);

/// <summary>A stations row with its owning union's name and path (the scope check).</summary>
public sealed record StationRow(long Id, string Code, string Name, string Type, string Address, string RegionCode,
    decimal Latitude,
    decimal Longitude, string Facilities, string OpeningHours, string? Phone, long OwningUnionId, string UnionName,
        string UnionPath,
    string Status, string PhotoUrls, DateTime UpdatedAt)
{
    public const string SelectSql = """
        SELECT s.id, s.code, s.name, s.type, s.address, s.region_code, s.latitude, s.longitude, s.facilities,
            s.opening_hours,
               s.phone, s.owning_union_id, o.name AS union_name, o.path AS union_path, s.status, s.photo_urls,
                   s.updated_at
        FROM stations s JOIN organizations o ON o.id = s.owning_union_id
        """;

    public StationView ToView(int minuteOfWeek)
    {
        var hours = Stations.OpeningHours.FromJson(OpeningHours);
        return new StationView(Id, Code, Name, Type, Address, RegionCode, Latitude, Longitude, JsonList(Facilities),
            hours,
            Status == StationCatalog.Active
                && hours.ToSchedule().IsOpenAt(minuteOfWeek), Phone, new StationUnion(OwningUnionId, UnionName),
            Status, JsonList(PhotoUrls), UpdatedAt);
    }

    public static IReadOnlyList<string> JsonList(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
