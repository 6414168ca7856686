using MiniApp.Api.Infrastructure.Http;

namespace MiniApp.Api.Enterprises;

public static class EnterprisesEndpoints
{
    private static readonly EndpointProblem NoEnterprises = ProblemCodes.Forbidden.Because("a role without "
        + "enterprises, e.g. station keepers, reviewers of enterprise unions, joint unions, station groups or industry "
        + "federations");

    private static readonly EndpointProblem ImportTooLarge = ProblemCodes.ImportTooLarge.Because(
        "the file's size, unpacked size, compression or rows pass a limit; limit and unit name it");

    public static IEndpointRouteBuilder MapEnterprisesEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff/enterprises").WithTags("Staff: enterprises")
            .RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);
        MapRegister(staff);
        MapImport(staff);
        MapForms(staff);
        return app;
    }

    /// <summary>The register: list, read, create, update, reveal the contact.</summary>
    private static void MapRegister(RouteGroupBuilder staff)
    {

        staff.MapGet("/", ListEnterprises.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("The enterprise register in the caller's scope, filtered and paged")
            .WithDescription("Scope: county admins all; a township federation's reviewers that township; the park "
                + "federation's the park; a department user their department's. Filters: township (9-digit code), "
                + "department (code), status (none|forming|established), minStaff (staff count at least), keyFlag "
                + "(npc_cppcc|top_private|top_entrepreneur|yuxi_industrial|any), q (name part or credit-code prefix), "
                + "page, pageSize (at most 100). Ordered by township, then staff count (largest first), then id.")
            .WithProblems(ProblemCodes.ValidationFailed, NoEnterprises);
        staff.MapGet("/options", GetEnterpriseOptions.Handle)
            .WithSummary("Choice lists of the register: ownership types, union statuses, key flags, townships, "
                + "departments, worker groups");
        staff.MapPost("/", CreateEnterprise.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("Register an enterprise in the caller's scope; status established creates and links its union")
            .WithDescription("A township, park or department that would put the enterprise outside the caller's scope "
                + "is a validation error on that field.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("errors per field"), NoEnterprises,
                EnterpriseProblems.CreditCodeTakenCode);
        staff.MapGet("/{id:long}", GetEnterprise.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("Every register field of an enterprise in scope (contact phone masked), its worker groups, "
                + "union and formation step")
            .WithProblems(NoEnterprises,
                EnterpriseProblems.NotFoundCode.Because("no such enterprise, or outside the caller's scope"));
        staff.MapPut("/{id:long}", UpdateEnterprise.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("Replace the register fields of an enterprise in scope, at the version last read")
            .WithDescription("The body carries version. contactPhone: omitted or the masked value keeps the number, "
                + "\"\" clears it. workerGroups: omitted keeps them. Setting established creates and links the union. "
                + "Once the enterprise has formation steps, none and forming follow them: asking for the other one is "
                + "a validation error on unionStatus (established with its date stays allowed).")
            .WithProblems(ProblemCodes.ValidationFailed.Because("errors per field"), NoEnterprises,
                EnterpriseProblems.NotFoundCode, EnterpriseProblems.StateChangedCode.Because("the version is stale"),
                EnterpriseProblems.UnionEstablishedCode.Because(
                    "an established enterprise cannot go back to none or forming"),
                EnterpriseProblems.CreditCodeTakenCode);
        staff.MapPost("/{id:long}/reveal-contact", RevealEnterpriseContact.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("The contact's phone in clear, for staff whose scope covers the enterprise; audited")
            .WithDescription("contactPhone is null when none is on file.")
            .WithProblems(NoEnterprises, EnterpriseProblems.NotFoundCode);
    }

    /// <summary>The import of 附件1 files and its template.</summary>
    private static void MapImport(RouteGroupBuilder staff)
    {
        staff.MapPost("/import", ImportEnterprises.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("Upsert enterprises by 统一社会信用代码 from an .xlsx shaped like 附件1 (multipart field file); "
                + "dryRun=true only checks")
            .WithDescription("Answers a result per row: created, updated, unchanged or failed (messages per column). "
                + "All or nothing: applied is true only when every row was good and dryRun was not set. At most "
                + "Imports:EnterpriseMaxRows rows (2000) and 5 MB. Columns: see GET "
                + "/api/staff/enterprises/import-template and README. A row updating a registered enterprise keeps "
                + "what it leaves blank or lacks; a credit code registered outside the caller's scope fails on that "
                + "column without naming the enterprise; a row asking for none or forming against the enterprise's "
                + "formation steps fails on 是否建会.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("the file"), ImportTooLarge, NoEnterprises,
                EnterpriseProblems.StateChangedCode.Because(
                    "an enterprise of the file changed while it was written; nothing was written"))
            .DisableAntiforgery()
            .WithUploadLimit(EnterpriseImportFile.MaxBytes);
        staff.MapGet("/import-template", GetEnterpriseImportTemplate.Handle)
            .WithSummary("The import template: an .xlsx with the header row")
            .Produces<Stream>(StatusCodes.Status200OK, EnterpriseSheets.XlsxType);
    }

    /// <summary>The plan's forms as spreadsheets.</summary>
    private static void MapForms(RouteGroupBuilder staff)
    {
        staff.MapGet("/form1.xlsx", ExportForm1.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary(
            "附件1 百人以上企业建会情况摸底统计表: enterprises in scope with 100+ staff or a key flag (contact phone masked)")
            .WithDescription("township and department narrow it.")
            .Produces<Stream>(StatusCodes.Status200OK, EnterpriseSheets.XlsxType)
            .WithProblems(ProblemCodes.ValidationFailed, NoEnterprises);
        staff.MapGet("/form4.xlsx", ExportForm4.Handle)
            .RequireAuthorization(EnterpriseScope.Policy)
            .WithSummary("附件4 重点建会企业情况表: key enterprises in scope, and 100+ staff enterprises not yet established")
            .WithDescription("township and department narrow it.")
            .Produces<Stream>(StatusCodes.Status200OK, EnterpriseSheets.XlsxType)
            .WithProblems(ProblemCodes.ValidationFailed, NoEnterprises);
    }
}
