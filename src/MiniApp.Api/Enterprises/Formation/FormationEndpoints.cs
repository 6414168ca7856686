namespace MiniApp.Api.Enterprises.Formation;

public static class FormationEndpoints
{
    public static IEndpointRouteBuilder MapFormationEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/staff/formation-step-types").WithTags("Staff: enterprise formation")
            .RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);
        types.MapGet("/", GetStepTypes.Handle)
            .WithSummary(
            "The formation step types in order (摸底走访 … 建会完成), inactive ones included, with whether each is in use")
            .WithDescription("Any staff member.");
        types.MapPut("/", ConfigureStepTypes.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Replace the list of formation step types, in order (county admins)")
            .WithDescription("Body {types:[{code?, name, active, isFinal, marksForming}]}: list order is step order; "
                + "no code means a new type; a type left out is removed. Exactly one final type, last and active; at "
                + "most one type marks the start of 筹建中 (marksForming: from it on, the enterprise is forming). Saving "
                + "restates none or forming of every enterprise not established that has a current step, by the new "
                + "order, with its version bumped.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("messages per field, e.g. types[2].name"),
                ProblemCodes.Forbidden.Because("not a county admin"), FormationProblems.StepTypeInUseCode.Because(
                    "a removed type was recorded on an enterprise; rename or deactivate it instead"));

        var steps = app.MapGroup("/api/staff/enterprises/{id:long}/steps").WithTags("Staff: enterprise formation")
            .RequireAuthorization(Policies.Staff, EnterpriseScope.Policy)
            .WithProblems(EndpointProblems.Staff)
            .WithProblems(EnterpriseProblems.NotFoundCode);
        steps.MapGet("/", GetFormationSteps.Handle)
            .WithSummary("An enterprise's formation history (oldest first), its union status, current step, next "
                + "allowed step and version")
            .WithDescription("Scope as the enterprise register: county admins all; reviewers of a township federation "
                + "their township; reviewers of the park federation the industrial park; department viewers their "
                + "department.")
            .WithProblems(ProblemCodes.Forbidden.Because("station keepers and roles without enterprises"),
                EnterpriseProblems.NotFoundCode.Because("absent or outside the caller's scope"));
        steps.MapPost("/", RecordFormationStep.Handle)
            .WithSummary("Record the next formation step, or go back to an earlier one with a note")
            .WithDescription("Steps go forward one active type at a time (nextStep of GET); an earlier type is a step "
                + "back and needs a note (stored with wentBack). Send the enterprise's version from GET. Reaching the "
                + "type that marks 筹建中 (筹备组成立) makes the enterprise forming, going back before it makes it none again; "
                + "the final step (建会完成) creates the enterprise's union under its township (or the industrial park) "
                + "federation, dated answeredOn, else servedOn, else today, and applications naming the enterprise go "
                + "to it.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("per field; a step back without note; an unknown or "
                    + "inactive type; responsibleStaffId not an enabled staff member whose enterprise scope covers "
                    + "this enterprise; answeredOn or deadline before servedOn"),
                EnterpriseProblems.StateChangedCode.Because("the version is stale"),
                FormationProblems.OutOfOrderCode.Because("a later step than the next one; expectedStep names it"),
                FormationProblems.RepeatedCode.Because("the current step again; edit it instead"),
                FormationProblems.EstablishedCode.Because("the enterprise has its union; no more steps"),
                FormationProblems.TownshipMissingCode.Because(
                    "the final step needs the enterprise's township, unless it is in the industrial park"));
        steps.MapPut("/{stepId:long}", UpdateFormationStep.Handle)
            .WithSummary("Correct a recorded step's dates, deadline, responsible staff member and note (not its type)")
            .WithDescription("Replaces all five fields; responsibleStaffId as when recording. Correcting the final "
                + "step's dates moves the established date and bumps the enterprise's version.")
            .WithProblems(ProblemCodes.ValidationFailed.Because(
                    "per field; a step back keeps its note; responsibleStaffId out of the enterprise's scope"),
                FormationProblems.StepNotFoundCode.Because("no such step on this enterprise"));
        return app;
    }
}
