using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Stations;

/// <summary>
/// GET /api/stations/nearby?lat&amp;lng&amp;radiusKm&amp;type&amp;facility&amp;openNow&amp;limit: active stations by
/// distance from the caller's GCJ-02 location, served from this node's in-memory index (no database round trip). The
/// location is never stored and never logged (the request log carries the path only); the answer is marked no-store.
/// </summary>
public static class FindNearbyStations
{
    public const double DefaultRadiusKm = 5;
    public const double MaxRadiusKm = 50;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>Parameters arrive as text so that a malformed one gets its own message.</summary>
    public sealed record Query(
        [FromQuery(Name = "lat")] string? Lat,
        [FromQuery(Name = "lng")] string? Lng,
        [FromQuery(Name = "radiusKm")] string? RadiusKm,
        [FromQuery(Name = "type")] string? Type,
        [FromQuery(Name = "facility")] string[]? Facility,
        [FromQuery(Name = "openNow")] string? OpenNow,
        [FromQuery(Name = "limit")] string? Limit);

    /// <summary>What <see cref="NearbyJson"/> writes per station (and what the OpenAPI document describes).</summary>
    public sealed record Item(long Id, string Code, string Name, string Type, string Address, double Latitude,
        double Longitude,
        int DistanceMeters, bool IsOpenNow, bool AllDay, IReadOnlyList<string> Facilities, string? Phone);

    public sealed record Response(IReadOnlyList<Item> Stations);

    public static async Task<Results<NearbyJson, ProblemHttpResult>> Handle([AsParameters] Query query,
        StationIndex index,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await index.GetAsync(cancellationToken);
        var errors = new FieldErrors();
        var lat = Number(query.Lat, "lat", "纬度", errors);
        var lng = Number(query.Lng, "lng", "经度", errors);
        if (lat is { } la && !ChinaBounds.ContainsLatitude(la)) errors.Add("lat", "位置不在中国境内：纬度应在3至54之间（GCJ-02坐标）");
        if (lng is { } lo && !ChinaBounds.ContainsLongitude(lo)) errors.Add("lng", "位置不在中国境内：经度应在73至136之间（GCJ-02坐标）");
        var radiusKm = query.RadiusKm is null ? DefaultRadiusKm : Number(query.RadiusKm, "radiusKm", "搜索半径", errors);
        if (radiusKm is { } r && r is <= 0 or > MaxRadiusKm) errors.Add("radiusKm", $"搜索半径为大于0、不超过{MaxRadiusKm:0}公里");
        var limit = DefaultLimit;
        if (query.Limit is not null
            && (!int.TryParse(query.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit)
            || limit is < 1 or > MaxLimit))
            errors.Add("limit", $"条数为1至{MaxLimit}");
        if (query.Type is not null && !StationCatalog.Types.IsKnown(query.Type)) errors.Add("type", "站点类型不正确");
        ulong mask = 0;
        foreach (var facility in query.Facility ?? [])
        {
            if (snapshot.FacilityBits.TryGetValue(facility, out var bit)) mask |= 1UL << bit;
            else errors.Add("facility", $"未知的服务设施：{facility}");
        }
        var openNow = false;
        if (query.OpenNow is not null
            && !TryParseFlag(query.OpenNow, out openNow)) errors.Add("openNow", "openNow 只能是 true 或 false");
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary(), "查询条件有误，请检查位置和筛选条件");

        var minuteOfWeek = WeeklySchedule.MinuteOfWeek(clock.GetUtcNow());
        var hits = snapshot.Search(lat!.Value, lng!.Value, radiusKm!.Value * 1000,
            new NearbyFilter(query.Type, mask, openNow ? minuteOfWeek : null), limit);
        return new NearbyJson(hits, minuteOfWeek);
    }

    private static double? Number(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"请提供{label}");
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)) return value;
        errors.Add(field, $"{label}须为数字");
        return null;
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        value = text is "true" or "1" or "True";
        return text is "true" or "false" or "1" or "0" or "True" or "False";
    }
}
