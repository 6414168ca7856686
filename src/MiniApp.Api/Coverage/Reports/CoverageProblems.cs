namespace MiniApp.Api.Coverage.Reports;

public static class CoverageProblems
{
    public const string NotReadyCode = "coverage_not_ready";

    public static ProblemHttpResult NotReady(DateOnly date) =>
        Problems.Create(404, NotReadyCode, $"{ReportDates.Chinese(date)}的统计数据尚未生成，请稍后再试或选择其他日期");
}
