using MiniApp.Api.Coverage.Bulletin;

namespace MiniApp.Api.Coverage.Reports;

public static class CoverageReportsEndpoints
{
    private const string Scope = "Scope: county admins see the county; the reviewer of a township federation their "
        + "township; the reviewer of an industry federation its worker group (no enterprise figures); a department "
        + "viewer the groups their department leads and its enterprises; reviewers of other unions (enterprise unions, "
        + "joint unions, station groups, the park federation) have none. ";

    private static readonly EndpointProblem NotCountyAdmin = ProblemCodes.Forbidden.Because("not a county admin");

    public static IEndpointRouteBuilder MapCoverageReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/reports").WithTags("Staff: reports").RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);

        group.MapGet("/coverage", GetCoverageReport.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithSummary("入会率 and 建会率 at a date by township, group or department, with flows over the period and the "
                + "gap to the 60% target")
            .WithDescription("date defaults to today (China); by is township (default), group or department; from "
                + "(start of the period of the *InPeriod figures and decision days) defaults to the 1st of date's "
                + "month. joinRate = surveyedGroupMembers ÷ surveyedWorkers (denominator surveyed_group; the numerator "
                + "counts the members of township × group cells with surveyed workers only, activeMembers all "
                + "members); unionRate = withUnion ÷ enterprises100Plus; memberRateInUnionised uses the staff of "
                + "unionised enterprises. Rates have 4 decimals, null when the denominator is 0; gapToTarget = 0.6 − "
                + "rate. by=group rows have no enterprise figures; by=department counts a group under each department "
                + "that leads it, the total once. " + Scope)
            .WithProblems(ProblemCodes.ValidationFailed, ProblemCodes.Forbidden.Because("a role without figures"),
                CoverageProblems.NotReadyCode.Because("the day's figures are not computed yet"));
        group.MapGet("/coverage/trend", GetCoverageTrend.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithSummary("Per day of [from, to] with figures: members, members of surveyed groups, surveyed workers, "
                + "入会率, 100+ enterprises and 建会率 per key")
            .WithDescription("to defaults to today (China), from to 29 days before; at most 366 days. " + Scope)
            .WithProblems(ProblemCodes.ValidationFailed.Because("bad dates, from after to, or a range over 366 days"));
        group.MapGet("/coverage.xlsx", DownloadCoverageReport.Handle)
            .RequireAuthorization(ReportScope.Policy)
            .WithSummary(
            "The coverage report as .xlsx laid out like 附件2: a sheet of worker figures and one of 100+ enterprises")
            .WithDescription("Same query and scope as GET /api/staff/reports/coverage. Each sheet has a title row "
                + "(date and period) and a note row naming each rate's denominator; columns are listed in README.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportSheet.ContentType)
            .WithProblems(ProblemCodes.ValidationFailed, CoverageProblems.NotReadyCode);

        group.MapGet("/bulletin", GetWeeklyBulletin.Handle)
            .WithSummary("The weekly 情况通报 (county admins): the county at a Sunday against the Sunday before, and the "
                + "furthest behind")
            .WithDescription("weekEnding is a Sunday, by default last Sunday (China). Changes of rates are fractions "
                + "(0.012 = 1.2 个百分点); townships and groups list the three with the largest gap to the 60% 入会率 target, "
                + "only those behind it.")
            .RequireAuthorization(Policies.CountyAdmin)
            .WithProblems(ProblemCodes.ValidationFailed.Because("not a date or not a Sunday"), NotCountyAdmin,
                CoverageProblems.NotReadyCode.Because("no figures for that Sunday"));
        group.MapGet("/bulletin.xlsx", GetWeeklyBulletin.Download)
            .WithSummary("The weekly 情况通报 as .xlsx (county admins)")
            .WithDescription("Same query as GET /api/staff/reports/bulletin.")
            .RequireAuthorization(Policies.CountyAdmin)
            .Produces<Stream>(StatusCodes.Status200OK, ReportSheet.ContentType)
            .WithProblems(ProblemCodes.ValidationFailed, NotCountyAdmin, CoverageProblems.NotReadyCode);
        return app;
    }
}
