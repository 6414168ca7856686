namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// PUT /api/staff/enterprises/{id}/steps/{stepId}: corrects the dates, deadline, responsible staff member and note of
/// a recorded step (never its type: a different step is a new record). Correcting the final step's dates moves the
/// union's established date with them, and bumps the enterprise's version so a register edit read before it is
/// refused.
/// </summary>
public static class UpdateFormationStep
{
    public sealed record Request(DateOnly? ServedOn, DateOnly? AnsweredOn, DateOnly? Deadline, long? ResponsibleStaffId,
        string? Note);

    private sealed record StepRow(string StepTypeCode, DateTime? ServedOn, DateTime? AnsweredOn, DateTime? Deadline,
        long? ResponsibleStaffId, string? Note, bool WentBack);

    private const string StepSql = """
        SELECT step_type_code, served_on, answered_on, deadline, responsible_staff_id, note, went_back
        FROM enterprise_formation_steps WHERE id = @StepId AND enterprise_id = @EnterpriseId FOR UPDATE
        """;

    private const string UpdateSql = """
        UPDATE enterprise_formation_steps SET served_on = @ServedOn, answered_on = @AnsweredOn, deadline = @Deadline,
            responsible_staff_id = @ResponsibleStaffId, note = @Note, updated_at = @Now
        WHERE id = @StepId AND enterprise_id = @EnterpriseId
        """;

    private const string EstablishedOnSql = """
        UPDATE enterprises SET union_established_on = @EstablishedOn, version = version + 1, updated_at = @Now
        WHERE id = @EnterpriseId AND union_status = 'established' AND current_step_code = @StepType
            AND (union_established_on IS NULL OR union_established_on <> @EstablishedOn)
            AND (SELECT MAX(s.id) FROM enterprise_formation_steps s WHERE s.enterprise_id = @EnterpriseId) = @StepId
        """;

    public static async Task<Results<Ok<FormationView>, ProblemHttpResult>> Handle(long id, long stepId,
        Request request, EnterpriseScope scope, [AsParameters] EnterpriseServices services)
    {
        var errors = StepFields.Check(request.ServedOn, request.AnsweredOn, request.Deadline, request.Note,
            services.Today());
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var write = await FormationWrite.BeginAsync(services, scope, id);
        if (write.Enterprise is not { } enterprise) return FormationProblems.EnterpriseNotFound();
        var tx = write.Tx;
        var step = await tx.QuerySingleOrDefaultAsync<StepRow>(StepSql, new { StepId = stepId, EnterpriseId = id });
        if (step is null) return FormationProblems.StepNotFound();
        // Only a new responsible person is checked: a date or note can be corrected whoever was named before.
        if (request.ResponsibleStaffId != step.ResponsibleStaffId)
            await StepFields.CheckResponsibleAsync(tx, request.ResponsibleStaffId, enterprise, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var note = StepFields.Note(request.Note);
        if (step.WentBack && note is null) return Problems.Validation("note", "退回步骤的原因不能删除");

        var changed = Changed(step, request, note);
        if (changed.Length > 0)
        {
            var fields = StepFields.Columns.Of(request.ServedOn, request.AnsweredOn, request.Deadline,
                request.ResponsibleStaffId, note, services.UtcNow());
            await WriteAsync(tx, id, stepId, step.StepTypeCode, fields);
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(scope.Staff.Id, "formation.step_updated", "enterprise", id,
                new { stepId, stepType = step.StepTypeCode, changed }), fields.Now);
        }
        await write.CommitAsync();
        return TypedResults.Ok((await FormationView.LoadAsync(write.Db, scope, id))!);
    }

    /// <summary>The step's new fields; the final step's answered (else served) date also dates the union.</summary>
    private static async Task WriteAsync(Db tx, long id, long stepId, string stepType, StepFields.Columns fields)
    {
        var parameters = new DynamicParameters(fields);
        parameters.AddDynamicParams(new { StepId = stepId, EnterpriseId = id });
        await tx.ExecuteAsync(UpdateSql, parameters);
        if ((fields.AnsweredOn ?? fields.ServedOn) is { } establishedOn)
        {
            await tx.ExecuteAsync(EstablishedOnSql, new
            {
                EstablishedOn = establishedOn, fields.Now, EnterpriseId = id, StepType = stepType, StepId = stepId,
            });
        }
    }

    private static string[] Changed(StepRow before, Request after, string? note)
    {
        var changed = new List<string>();
        if (FormationView.Date(before.ServedOn) != after.ServedOn) changed.Add("servedOn");
        if (FormationView.Date(before.AnsweredOn) != after.AnsweredOn) changed.Add("answeredOn");
        if (FormationView.Date(before.Deadline) != after.Deadline) changed.Add("deadline");
        if (before.ResponsibleStaffId != after.ResponsibleStaffId) changed.Add("responsibleStaffId");
        if (before.Note != note) changed.Add("note");
        return changed.ToArray();
    }
}
