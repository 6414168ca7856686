namespace MiniApp.Api.Stations;

public static class StationProblems
{
    public const string NotFoundCode = GetStationByScene.StationNotFoundCode;
    public const string CodeTakenCode = "station_code_taken";
    public const string StateChangedCode = "station_state_changed";
    public const string QrCodeRejectedCode = "qrcode_rejected";

    public static ProblemHttpResult NotFound() => Problems.Create(404, NotFoundCode, "站点不存在");

    public static ProblemHttpResult CodeTaken(string code) => Problems.Create(409, CodeTakenCode, $"站点编码 {code} 已被使用，请换一个");

    public static ProblemHttpResult StateChanged() => Problems.Create(409, StateChangedCode, "站点状态已被他人修改，请刷新后重试");

    /// <summary>WeChat refused to draw the code; errcode says why (41030: the page is not published, 45009: daily quota).</summary>
    public static ProblemHttpResult QrCodeRejected(int errcode, string? stationCode = null) => Problems.Create(502, QrCodeRejectedCode,
        errcode switch
        {
            41030 => "小程序码生成失败：入会页面不存在或尚未发布，请联系管理员检查页面设置",
            45009 or 45011 => "小程序码生成次数已达微信上限，请稍后再试",
            40169 or 40129 => "小程序码生成失败：站点编码不符合微信的要求",
            _ => "微信拒绝生成小程序码，请稍后再试或联系管理员",
        } + (stationCode is null ? "" : $"（站点 {stationCode}）"),
        stationCode is null
            ? new Dictionary<string, object?> { ["errcode"] = errcode }
            : new Dictionary<string, object?> { ["errcode"] = errcode, ["stationCode"] = stationCode });
}
