using MiniApp.Api.Applications;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>The OpenAPI examples of the station endpoints (made-up data).</summary>
internal static class StationExamples
{
    private static readonly OpeningHours Hours =
        new(false, [new OpeningHours.Period([1, 2, 3, 4, 5], "08:30", "18:00")], "scan_qr");

    public static readonly StationInput Input = new("GS001", "桂山街道户外劳动者服务站", "union_post", "新平县桂山街道示例路1号",
        "530427001", 24.0706m, 101.9905m, ["rest", "charging"], Hours, "0877-0000000", 3, []);

    public static readonly StationView View = new(12, "GS001", "桂山街道户外劳动者服务站", "union_post", "新平县桂山街道示例路1号",
        "530427001", 24.0706m, 101.9905m, ["rest", "charging"], Hours, true, "0877-0000000",
        new StationUnion(3, "桂山街道总工会"), "active", [], new DateTime(2026, 2, 20, 8, 0, 0, DateTimeKind.Utc));

    public static readonly ListStations.Page Page = new([View], 1, 20, 1);

    public static readonly ChangeStationStatus.Request Suspend = new("suspended");

    public static readonly GetStationByScene.Response ByScene = new(
        new GetStationByScene.StationSummary(12, "GS001", "桂山街道户外劳动者服务站", "union_post", "新平县桂山街道示例路1号",
            "530427001", 24.0706m, 101.9905m, "active"),
        new ReceivingUnion(3, "桂山街道总工会", ReceivingUnionRouter.StationUnion));

    public static readonly FindNearbyStations.Response Nearby = new(
    [
        new FindNearbyStations.Item(12, "GS001", "桂山街道户外劳动者服务站", "union_post", "新平县桂山街道示例路1号", 24.0706, 101.9905,
            420, true, false, ["rest", "charging"], "0877-0000000"),
    ]);

    public static readonly GetStationOptions.Response Options = new(
        [
            new CodeName("driver_home", "司机之家"), new CodeName("union_post", "工会驿站/户外劳动者服务站点"),
            new CodeName("workers_home", "职工之家"), new CodeName("other", "其他"),
        ],
        [new CodeName("rest", "休息"), new CodeName("charging", "充电")],
        [new CodeName("scan_qr", "扫码"), new CodeName("face", "刷脸"), new CodeName("attendant", "人工")],
        [new CodeName("active", "正常"), new CodeName("suspended", "暂停服务"), new CodeName("closed", "已关闭")]);

    public static readonly ImportStations.Response Import = new(true, 1, 0, 0, 1,
    [
        new ImportStations.RowResult(2, "GS001", "created", null),
        new ImportStations.RowResult(3, "GS002", "failed",
            new Dictionary<string, string[]> { ["regionCode"] = ["区划代码为6至12位数字"] }),
    ]);
}
