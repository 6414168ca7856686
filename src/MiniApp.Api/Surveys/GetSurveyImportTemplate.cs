using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Surveys;

/// <summary>GET /api/staff/surveys/groups/import-template: 附件2 as an .xlsx, a title row, the header and one example
/// row.</summary>
public static class GetSurveyImportTemplate
{
    public const string SheetName = "附件2";

    public static async Task<FileContentHttpResult> Handle(CancellationToken cancellationToken)
    {
        var sheet = new ReportSheet(SheetName)
            .Row("货车司机等群体入会情况摸底统计表")
            .Row([.. SurveyImportColumns.All.Select(c => c.Header)])
            .Row([.. SurveyImportColumns.All.Select(c => c.Example)]);
        var content = await ReportSheet.SaveAsync([sheet], cancellationToken);
        return TypedResults.File(content, ReportSheet.ContentType, "货车司机等群体入会情况摸底统计表.xlsx");
    }
}
