namespace MiniApp.Api.Coverage.Reports;

public static class CoverageProblems
{
    public static readonly ProblemCode NotReadyCode = new("coverage_not_ready", 404, "该日的统计数据尚未生成，请稍后再试或选择其他日期",
        "the figures of that day are not computed yet (or the bulletin's Sunday has none)");

    public static ProblemHttpResult NotReady(DateOnly date) =>
        NotReadyCode.Problem($"{ReportDates.Chinese(date)}的统计数据尚未生成，请稍后再试或选择其他日期");
}
