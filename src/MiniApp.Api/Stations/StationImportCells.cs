using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>
/// Turns an import row's text cells into a <see cref="StationInput"/>: types, facilities, access methods and statuses
/// may be written as codes or Chinese names, hours as people write them (<see cref="OpeningHoursText"/>).
/// </summary>
public static class StationImportCells
{
    public sealed record Parsed(StationInput Input, string? Status, string? OwningUnion);

    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["司机之家"] = "driver_home", ["工会驿站"] = "union_post", ["户外劳动者服务站点"] = "union_post", ["驿站"] = "union_post",
        ["工会驿站/户外劳动者服务站点"] = "union_post", ["职工之家"] = "workers_home", ["其他"] = "other",
    };

    private static readonly Dictionary<string, string> StatusNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正常"] = "active", ["启用"] = "active", ["开放"] = "active", ["暂停"] = "suspended", ["暂停服务"] = "suspended",
        ["停用"] = "suspended", ["关闭"] = "closed", ["已关闭"] = "closed", ["撤销"] = "closed",
    };

    public static Parsed Parse(SheetRow row, CodeList facilities, FieldErrors errors)
    {
        var type = row["type"] is { } t ? CodeOrName(t, StationCatalog.Types, TypeNames) ?? t : null;
        var latitude = Coordinate(row["latitude"], "latitude", "纬度", errors);
        var longitude = Coordinate(row["longitude"], "longitude", "经度", errors);

        var facilityCodes = new List<string>();
        foreach (var token in Split(row["facilities"]))
        {
            var code = CodeOrName(token, facilities, null);
            if (code is null) errors.Add("facilities", $"未知的服务设施：{token}");
            else facilityCodes.Add(code);
        }

        OpeningHours? hours = null;
        if (!OpeningHoursText.TryParse(row["openingHours"], out var allDay, out var periods, out var hoursError))
            errors.Add("openingHours", hoursError!);
        string? access = null;
        if (row["afterHoursAccess"] is { } a && (access = CodeOrName(a, StationCatalog.AccessMethods, null)) is null)
            errors.Add("afterHoursAccess", "非开放时间进入方式只能是扫码、刷脸或人工");
        if (allDay || periods.Count > 0 || access is not null) hours = new OpeningHours(allDay, periods, access);

        string? status = null;
        if (row["status"] is { } s && (status = CodeOrName(s, StationCatalog.Statuses, StatusNames)) is null)
            errors.Add("status", "状态只能是正常、暂停服务或已关闭");

        var input =
            new StationInput(row["code"], row["name"], type, row["address"], row["regionCode"], latitude, longitude,
            facilityCodes,
            hours, row["phone"], null, SplitUrls(row["photoUrls"]));
        return new Parsed(input, status, row["owningUnion"]);
    }

    private static decimal? Coordinate(string? text, string field, string label, FieldErrors errors)
    {
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(field, $"{label}须为数字，如 24.070512");
        return null;
    }

    private static string? CodeOrName(string text, CodeList list, Dictionary<string, string>? aliases)
    {
        var value = text.Trim();
        var match = list.FirstOrDefault(c => string.Equals(c.Code, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match.Code;
        return aliases is not null && aliases.TryGetValue(value, out var code) ? code : null;
    }

    private static string[] SplitUrls(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', ' ', '\n', '\r', '\t'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', '/', ' ', '\n', '\r', '\t'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
