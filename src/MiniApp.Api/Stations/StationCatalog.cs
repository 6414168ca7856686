using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>
/// The fixed choices of a station. Codes are stored and sent; a code once published is never renamed or reused.
/// Facilities are not here: they are reference data (table station_facilities, <see cref="FacilityCatalog"/>).
/// </summary>
public static class StationCatalog
{
    public static CodeList Types { get; } = new(
        ("driver_home", "司机之家"),
        ("union_post", "工会驿站/户外劳动者服务站点"),
        ("workers_home", "职工之家"),
        ("other", "其他"));

    /// <summary>How one gets in outside staffed hours.</summary>
    public static CodeList AccessMethods { get; } = new(
        ("scan_qr", "扫码"),
        ("face", "刷脸"),
        ("attendant", "人工"));

    /// <summary>
    /// Closed stations stay for history (applications point at them); only active ones are found nearby.
    /// </summary>
    public static CodeList Statuses { get; } = new(
        ("active", "正常"),
        ("suspended", "暂停服务"),
        ("closed", "已关闭"));

    public const string Active = "active";
    public const string Closed = "closed";
}
