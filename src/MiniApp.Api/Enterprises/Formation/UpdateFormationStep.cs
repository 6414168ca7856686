namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// PUT /api/staff/enterprises/{id}/steps/{stepId}: corrects the dates, deadline, responsible staff member and note of a
/// recorded step (never its type: a different step is a new record). Correcting the final step's dates moves the union's
/// established date with them, and bumps the enterprise's version so a register edit read before it is refused.
/// </summary>
public static class UpdateFormationStep
{
    public sealed record Request(DateOnly? ServedOn, DateOnly? AnsweredOn, DateOnly? Deadline, long? ResponsibleStaffId, string? Note);

    private sealed record StepRow(string StepTypeCode, DateTime? ServedOn, DateTime? AnsweredOn, DateTime? Deadline, long? ResponsibleStaffId,
        string? Note, bool WentBack);

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

    public static async Task<Results<Ok<FormationView>, ProblemHttpResult>> Handle(long id, long stepId, Request request,
        ClaimsPrincipal principal, MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = StepFields.Check(request.ServedOn, request.AnsweredOn, request.Deadline, request.Note, ChinaTime.Today(clock));
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var enterprise = await FormationEnterprise.InScopeAsync(connection, transaction, scope, id, cancellationToken);
        if (enterprise is null) return FormationProblems.EnterpriseNotFound();
        var step = await connection.QuerySingleOrDefaultAsync<StepRow>(new CommandDefinition(StepSql, new { StepId = stepId, EnterpriseId = id },
            transaction, cancellationToken: cancellationToken));
        if (step is null) return FormationProblems.StepNotFound();
        // Only a new responsible person is checked: a date or note can be corrected whoever was named before.
        if (request.ResponsibleStaffId != step.ResponsibleStaffId)
            await StepFields.CheckResponsibleAsync(connection, transaction, request.ResponsibleStaffId, enterprise, errors, cancellationToken);
        if (errors.Count > 0) return Problems.Validation(errors);
        var note = StepFields.Note(request.Note);
        if (step.WentBack && note is null) return Problems.Validation("note", "退回步骤的原因不能删除");

        var changed = Changed(step, request, note);
        if (changed.Length > 0)
        {
            var parameters = new
            {
                ServedOn = StepFields.Db(request.ServedOn), AnsweredOn = StepFields.Db(request.AnsweredOn), Deadline = StepFields.Db(request.Deadline),
                request.ResponsibleStaffId, Note = note, Now = now, StepId = stepId, EnterpriseId = id,
            };
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: cancellationToken));
            if ((request.AnsweredOn ?? request.ServedOn) is { } establishedOn)
                await connection.ExecuteAsync(new CommandDefinition(EstablishedOnSql, new
                {
                    EstablishedOn = StepFields.Db(establishedOn), Now = now, EnterpriseId = id, StepType = step.StepTypeCode, StepId = stepId,
                }, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(scope.Staff.Id, "formation.step_updated", "enterprise", id, new { stepId, stepType = step.StepTypeCode, changed }), now);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await FormationView.LoadAsync(connection, scope, id, cancellationToken))!);
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
