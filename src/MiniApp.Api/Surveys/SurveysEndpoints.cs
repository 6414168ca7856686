using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Infrastructure.Http;

namespace MiniApp.Api.Surveys;

public static class SurveysEndpoints
{
    private const string Scope = "Scope (read and write): county admins all rows; the reviewer of a township "
        + "federation their township; the reviewer of an industry federation its worker group; a department viewer the "
        + "groups their department leads; reviewers of other unions none (403). ";

    public static IEndpointRouteBuilder MapSurveysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/surveys").WithTags("Staff: surveys").RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);

        group.MapPut("/groups", PutGroupSurveys.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithBodyLimit(PutGroupSurveys.MaxBodyBytes)
            .WithSummary("Save the survey rows (附件2: workers, units, units with a union per township × group) of a "
                + "period, all or none")
            .WithDescription("A survey is in force from periodStart until a later one for the same township and group. "
                + "Rows are upserted by (periodStart, township, group): created, updated or unchanged. Any bad row "
                + "refuses the whole request, with messages under rows[i].field (township, group, workers, units, "
                + "unitsWithUnion, coverageMode, note). coverageMode: single | joint | industry | regional "
                + "(单独建/联合建/行业建/区域建). " + Scope)
            .WithProblems(
                ProblemCodes.ValidationFailed.Because("a bad row, a duplicate township and group, a row out of scope"),
                ProblemCodes.Forbidden.Because("a role without survey data"));
        group.MapGet("/groups", ListGroupSurveys.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithSummary("Survey rows in scope, newest period first; periodStart, township and group filter")
            .WithDescription(Scope)
            .WithProblems(ProblemCodes.ValidationFailed.Because("periodStart is not a date"));
        group.MapPost("/groups/import", ImportGroupSurveys.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithSummary("Import survey rows of a period from an .xlsx shaped like 附件2 (multipart field file); "
                + "dryRun=true only checks")
            .WithDescription("群体, 乡镇(街道) and 覆盖方式 by Chinese name (or code); 主管部门, 已入会人数, 入会率 and 本期新增会员 are computed "
                + "and ignored. A title row above the header and 合计 rows are skipped. Answers a result per row "
                + "(created, updated, unchanged or failed with messages per column); when any row fails nothing is "
                + "saved (saved=false). "
                + Scope)
            .WithProblems(
                ProblemCodes.ValidationFailed.Because("periodStart, no file, unreadable file, missing columns"),
                ProblemCodes.ImportTooLarge.Because("the file's size, unpacked size, compression or rows pass a limit, "
                    + "Imports:SurveyMaxRows rows (1000); limit and unit name it"))
            .DisableAntiforgery()
            .WithUploadLimit(SurveyImportFile.MaxBytes);
        group.MapGet("/groups/import-template", GetSurveyImportTemplate.Handle)
            .WithSummary("The 附件2 import template (.xlsx) with one example row")
            .Produces<Stream>(StatusCodes.Status200OK, ReportSheet.ContentType);
        return app;
    }
}
