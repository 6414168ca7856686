using System.Text.RegularExpressions;

namespace MiniApp.Api.Stations;

/// <summary>
/// The editable fields of a station, as staff send them (create, update) or an import row yields them. Code is set once
/// at creation: it is the QR scene printed on posters. owningUnionId defaults to the caller's union on create.
/// </summary>
public sealed record StationInput(string? Code, string? Name, string? Type, string? Address, string? RegionCode,
    decimal? Latitude,
    decimal? Longitude, IReadOnlyList<string>? Facilities, OpeningHours? OpeningHours, string? Phone,
        long? OwningUnionId,
    IReadOnlyList<string>? PhotoUrls);

/// <summary>
/// A station's fields after the rules: trimmed, codes upper-cased, coordinates at six decimals (DECIMAL(9,6)).
/// </summary>
public sealed record StationDraft(string Code, string Name, string Type, string Address, string RegionCode,
    decimal Latitude,
    decimal Longitude, IReadOnlyList<string> Facilities, OpeningHours OpeningHours, string? Phone, long? OwningUnionId,
    IReadOnlyList<string> PhotoUrls)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string FacilitiesJson => JsonSerializer.Serialize(Facilities, Json);
    public string OpeningHoursJson => OpeningHours.ToJson();
    public string PhotoUrlsJson => JsonSerializer.Serialize(PhotoUrls, Json);
}

/// <summary>The field rules that need no database; messages are Chinese, keyed by the JSON field name.</summary>
public static partial class StationRules
{
    public const int MaxPhotos = 6;

    public static StationDraft? Check(StationInput input, string? existingCode, FieldErrors errors)
    {
        var before = errors.Count;
        var code = (existingCode ?? input.Code)?.Trim().ToUpperInvariant() ?? "";
        if (existingCode is null && !CodePattern().IsMatch(code))
            errors.Add("code", "站点编码为1至24位字母、数字、-或_，如 XP0001");
        if (existingCode is not null && input.Code is { } sent
            && !string.Equals(sent.Trim(), existingCode, StringComparison.OrdinalIgnoreCase))
            errors.Add("code", "站点编码印在二维码上，创建后不能修改");
        var name = Required(input.Name, "name", "站点名称", 100, errors);
        var type = input.Type?.Trim() ?? "";
        if (!StationCatalog.Types.IsKnown(type)) errors.Add("type", "请选择站点类型：司机之家、工会驿站、职工之家或其他");
        var address = Required(input.Address, "address", "地址", 255, errors);
        var region = input.RegionCode?.Trim() ?? "";
        if (!RegionPattern().IsMatch(region)) errors.Add("regionCode", "区划代码为6、9或12位数字（国家统计局区划代码）");
        // An import cell that is not a number has its own message already.
        if (input.Latitude is null && !errors.Has("latitude")) errors.Add("latitude", "请填写纬度（GCJ-02坐标）");
        if (input.Latitude is { } lat && !ChinaBounds.ContainsLatitude((double)lat))
            errors.Add("latitude", $"纬度须在{ChinaBounds.MinLatitude}至{ChinaBounds.MaxLatitude}之间（GCJ-02坐标）");
        if (input.Longitude is null && !errors.Has("longitude")) errors.Add("longitude", "请填写经度（GCJ-02坐标）");
        if (input.Longitude is { } lng && !ChinaBounds.ContainsLongitude((double)lng))
            errors.Add("longitude", $"经度须在{ChinaBounds.MinLongitude}至{ChinaBounds.MaxLongitude}之间（GCJ-02坐标）");
        var facilities = (input.Facilities ?? []).Select(f => f?.Trim() ?? "").ToList();
        if (facilities.Any(f => f.Length == 0)) errors.Add("facilities", "服务设施不能为空白");
        var hours = OpeningHours.Validate(input.OpeningHours, errors.Add);
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        if (phone is not null && !PhonePattern().IsMatch(phone)) errors.Add("phone", "联系电话只能包含数字、空格和 + - ( )，不超过32位");
        var photos = (input.PhotoUrls ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToList();
        if (photos.Count > MaxPhotos) errors.Add("photoUrls", $"照片最多{MaxPhotos}张");
        if (photos.Any(p => p.Length > 500 || !Uri.TryCreate(p, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps))
            errors.Add("photoUrls", "照片链接须为 https:// 开头的完整地址，每个不超过500个字符");
        if (errors.Count > before) return null;
        return new StationDraft(code, name, type, address, region, Math.Round(input.Latitude!.Value, 6),
            Math.Round(input.Longitude!.Value, 6),
            facilities.Distinct(StringComparer.Ordinal).ToArray(), hours!, phone, input.OwningUnionId,
                photos.Distinct().ToArray());
    }

    private static string Required(string? value, string field, string label, int maxLength, FieldErrors errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add(field, $"请填写{label}");
        else if (trimmed.Length > maxLength) errors.Add(field, $"{label}不能超过{maxLength}个字");
        return trimmed;
    }

    [GeneratedRegex("^[A-Z0-9_-]{1,24}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^([0-9]{6}|[0-9]{9}|[0-9]{12})$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[0-9+\-() ]{3,32}$")]
    private static partial Regex PhonePattern();
}
