namespace MiniApp.Api.Stations;

public static class StationProblems
{
    public static readonly ProblemCode NotFoundCode = new("station_not_found", 404, "站点不存在",
        "the QR names no open station; no such station (closed ones are gone for workers), or outside a staff member's "
        + "scope");

    public static readonly ProblemCode CodeTakenCode = new("station_code_taken", 409, "站点编码已被使用，请换一个",
        "a station code in use (codes are unique and fixed once created)");

    public static readonly ProblemCode StateChangedCode = new("station_state_changed", 409, "站点状态已被他人修改，请刷新后重试",
        "someone changed the station's status at the same moment; refresh");

    public static readonly ProblemCode QrCodeRejectedCode = new("qrcode_rejected", 502, "微信拒绝生成小程序码，请稍后再试或联系管理员",
        "WeChat refused to make a station's mini-program code; `errcode` says why (41030: the page is not published, "
        + "45009: quota)");

    public static ProblemHttpResult NotFound() => NotFoundCode.Problem();

    public static ProblemHttpResult CodeTaken(string code) => CodeTakenCode.Problem($"站点编码 {code} 已被使用，请换一个");

    public static ProblemHttpResult StateChanged() => StateChangedCode.Problem();

    /// <summary>
    /// WeChat refused to draw the code; errcode says why (41030: the page is not published, 45009: daily quota).
    /// </summary>
    public static ProblemHttpResult QrCodeRejected(int errcode, string? stationCode = null) =>
        QrCodeRejectedCode.Problem(errcode switch
        {
            41030 => "小程序码生成失败：入会页面不存在或尚未发布，请联系管理员检查页面设置",
            45009 or 45011 => "小程序码生成次数已达微信上限，请稍后再试",
            40169 or 40129 => "小程序码生成失败：站点编码不符合微信的要求",
            _ => QrCodeRejectedCode.Detail,
        } + (stationCode is null ? "" : $"（站点 {stationCode}）"),
        stationCode is null
            ? new Dictionary<string, object?> { ["errcode"] = errcode }
            : new Dictionary<string, object?> { ["errcode"] = errcode, ["stationCode"] = stationCode });
}
