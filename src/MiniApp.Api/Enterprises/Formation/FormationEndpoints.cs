namespace MiniApp.Api.Enterprises.Formation;

public static class FormationEndpoints
{
    public static IEndpointRouteBuilder MapFormationEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/staff/formation-step-types").WithTags("Staff: enterprise formation")
            .RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        types.MapGet("/", GetStepTypes.Handle)
            .WithSummary("The formation step types in order (摸底走访 … 建会完成), inactive ones included, with whether "
                + "each is in use")
            .WithDescription("Any staff member. Problem codes: unauthorized (401).");
        types.MapPut("/", ConfigureStepTypes.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Replace the list of formation step types, in order (county admins)")
            .WithDescription("Body {types:[{code?, name, active, isFinal, marksForming}]}: list order is step order; no code means a new type; "
                + "a type left out is removed. Exactly one final type, last and active; at most one type marks the start of 筹建中 "
                + "(marksForming: from it on, the enterprise is forming). Saving restates none or forming of every enterprise not established "
                + "that has a current step, by the new order, with its version bumped. Problem codes: validation_failed (400: messages per field, "
                + "e.g. types[2].name), forbidden (403: not a county admin), step_type_in_use (409: a removed type was recorded on an "
                + "enterprise; rename or deactivate it instead).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var steps = app.MapGroup("/api/staff/enterprises/{id:long}/steps").WithTags("Staff: enterprise formation")
            .RequireAuthorization(Policies.Staff, EnterpriseScope.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        steps.MapGet("/", GetFormationSteps.Handle)
            .WithSummary("An enterprise's formation history (oldest first), its union status, current step, next "
                + "allowed step and version")
            .WithDescription("Scope as the enterprise register: county admins all; reviewers of a township federation their township; "
                + "reviewers of the park federation the industrial park; department viewers their department. Problem codes: forbidden (403: station keepers and roles without "
                + "enterprises), enterprise_not_found (404: absent or outside the caller's scope).");
        steps.MapPost("/", RecordFormationStep.Handle)
            .WithSummary("Record the next formation step, or go back to an earlier one with a note")
            .WithDescription("Steps go forward one active type at a time (nextStep of GET); an earlier type is a step back and needs a note "
                + "(stored with wentBack). Send the enterprise's version from GET. Reaching the type that marks 筹建中 (筹备组成立) makes the "
                + "enterprise forming, going back before it makes it none again; the final step (建会完成) creates the enterprise's union under "
                + "its township (or the industrial park) federation, dated answeredOn, else servedOn, else today, and applications naming the "
                + "enterprise go to it. Problem codes: validation_failed (400: per field; a step back without note; an unknown or inactive "
                + "type; responsibleStaffId not an enabled staff member whose enterprise scope covers this enterprise; answeredOn or deadline "
                + "before servedOn), "
                + "forbidden (403), enterprise_not_found (404), enterprise_state_changed (409: the version is stale), "
                + "formation_step_out_of_order (409: a later step than the next one; expectedStep names it), formation_step_repeated (409: "
                + "the current step again; edit it instead), formation_established (409: the enterprise has its union; no more steps), enterprise_township_missing (409: the final step "
                + "needs the enterprise's township, unless it is in the industrial park).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        steps.MapPut("/{stepId:long}", UpdateFormationStep.Handle)
            .WithSummary("Correct a recorded step's dates, deadline, responsible staff member and note (not its type)")
            .WithDescription("Replaces all five fields; responsibleStaffId as when recording. Correcting the final step's dates moves the "
                + "established date and bumps the enterprise's version. Problem codes: validation_failed (400: per field; a step back keeps its "
                + "note; responsibleStaffId out of the enterprise's scope), "
                + "forbidden (403), enterprise_not_found (404), formation_step_not_found (404: no such step on this enterprise).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }
}
