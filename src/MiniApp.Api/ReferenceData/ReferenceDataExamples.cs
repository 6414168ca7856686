namespace MiniApp.Api.ReferenceData;

/// <summary>The OpenAPI example of the reference lists (a few entries of each).</summary>
internal static class ReferenceDataExamples
{
    public static readonly GetReference.Response Reference = new(
        [new("courier", "快递员"), new("truck_driver", "货车司机")],
        [new("labor_contract", "劳动合同"), new("platform_flexible", "平台灵活就业")],
        [new("530427001", "桂山街道"), new("530427102", "戛洒镇")],
        [new("01", "汉族"), new("07", "彝族"), new("18", "傣族")],
        [new("junior_high", "初中"), new("senior_high", "高中/中专/技校")],
        [new("01", "中共党员"), new("13", "群众")],
        [new("agricultural", "农业户口"), new("resident", "居民户口")],
        [new("submitted", "待审核"), new("approved", "已通过"), new("rejected", "未通过"), new("withdrawn", "已撤回")],
        [new("info_incomplete", "信息不完整或有误"), new("other", "其他")]);
}
