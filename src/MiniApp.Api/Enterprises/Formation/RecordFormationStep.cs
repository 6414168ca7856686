namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// POST /api/staff/enterprises/{id}/steps: records the next formation step, or a step back (with a note saying why).
/// The enterprise's version guards against a concurrent writer. The union status follows the step; the final step
/// creates and links the enterprise's union in the same transaction.
/// </summary>
public static class RecordFormationStep
{
    public sealed record Request(string? StepType, DateOnly? ServedOn, DateOnly? AnsweredOn, DateOnly? Deadline,
        long? ResponsibleStaffId, string? Note, int? Version);

    private const string InsertSql = """
        INSERT INTO enterprise_formation_steps (enterprise_id, step_type_code, served_on, answered_on, deadline,
            responsible_staff_id, note, went_back, recorded_by, created_at, updated_at)
        VALUES (@EnterpriseId, @StepType, @ServedOn, @AnsweredOn, @Deadline, @ResponsibleStaffId, @Note, @WentBack,
            @RecordedBy, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string MoveSql = """
        UPDATE enterprises SET current_step_code = @StepType, step_changed_at = @Now, union_status = @Status,
            version = version + 1, updated_at = @Now
        WHERE id = @EnterpriseId AND version = @Version AND union_status <> 'established'
        """;

    /// <summary>The step to write: where the enterprise was, the type it moves to and the status that gives.</summary>
    private sealed record Move(FormationEnterprise Enterprise, StepType Type, string Status, bool WentBack,
        StepFields.Columns Fields, long StaffId);

    public static async Task<Results<Created<FormationView>, ProblemHttpResult>> Handle(long id, Request request,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services)
    {
        var today = services.Today();
        var errors = StepFields.Check(request.ServedOn, request.AnsweredOn, request.Deadline, request.Note, today);
        var stepType = request.StepType?.Trim();
        if (string.IsNullOrEmpty(stepType)) errors["stepType"] = ["请选择建会步骤"];
        if (request.Version is null) errors["version"] = ["缺少企业信息的版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var write = await FormationWrite.BeginAsync(services, scope, id);
        if (write.Enterprise is not { } enterprise) return FormationProblems.EnterpriseNotFound();
        var tx = write.Tx;
        await StepFields.CheckResponsibleAsync(tx, request.ResponsibleStaffId, enterprise, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (enterprise.Version != request.Version) return FormationProblems.StateChanged();
        if (enterprise.UnionStatus == FormationOrder.Established) return FormationProblems.Established();

        var order = new FormationOrder(await StepType.LoadAsync(tx));
        var note = StepFields.Note(request.Note);
        var move = order.Classify(enterprise.CurrentStepCode, stepType!);
        var refused = Refusal(move, order, enterprise.CurrentStepCode, note);
        if (refused is not null) return refused;

        var type = order.Find(stepType)!;
        if (type.IsFinal && enterprise.TownshipCode is null && !enterprise.InIndustrialPark)
            return FormationProblems.TownshipMissing();
        var fields = StepFields.Columns.Of(request.ServedOn, request.AnsweredOn, request.Deadline,
            request.ResponsibleStaffId, note, services.UtcNow());
        var step = new Move(enterprise, type, order.StatusAt(type.Code), move == StepMove.Back, fields, scope.Staff.Id);
        var establishedOn = request.AnsweredOn ?? request.ServedOn ?? today;
        if (!await WriteAsync(tx, step, request.Version!.Value, establishedOn)) return FormationProblems.StateChanged();
        await write.CommitAsync();

        var view = await FormationView.LoadAsync(write.Db, scope, id);
        return TypedResults.Created($"/api/staff/enterprises/{id}/steps", view);
    }

    /// <summary>False, with the step not kept, when the enterprise moved past the version read.</summary>
    private static async Task<bool> WriteAsync(Db tx, Move step, int version, DateOnly establishedOn)
    {
        var (enterprise, type, status, wentBack, fields, staffId) = step;
        var inserted = new DynamicParameters(fields);
        inserted.AddDynamicParams(new
        {
            EnterpriseId = enterprise.Id, StepType = type.Code, WentBack = wentBack, RecordedBy = staffId,
        });
        var stepId = await tx.ExecuteScalarAsync<long>(InsertSql, inserted);
        var moved = await tx.ExecuteAsync(MoveSql, new
        {
            StepType = type.Code, fields.Now, Status = type.IsFinal ? enterprise.UnionStatus : status,
            EnterpriseId = enterprise.Id, Version = version,
        });
        if (moved == 0) return false;
        long? unionId = type.IsFinal
            ? await EnterpriseUnion.EnsureAsync(tx, enterprise.Id, establishedOn, fields.Now)
            : null;
        var action = wentBack ? "formation.step_went_back" : "formation.step_recorded";
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staffId, action, "enterprise", enterprise.Id, new
        {
            stepId, stepType = type.Code, from = enterprise.CurrentStepCode, unionStatus = status, unionId,
            note = wentBack ? fields.Note : null,
        }), fields.Now);
        return true;
    }

    private static ProblemHttpResult? Refusal(StepMove move, FormationOrder order, string? currentCode, string? note) =>
        move switch
        {
            StepMove.Forward => null,
            StepMove.Back when note is null => Problems.Validation("note", "退回到之前的步骤须填写原因"),
            StepMove.Back => null,
            StepMove.Unknown => Problems.Validation("stepType", "没有这个建会步骤"),
            StepMove.Inactive => Problems.Validation("stepType", "该建会步骤已停用"),
            StepMove.Same => FormationProblems.Repeated(order.Find(currentCode)!),
            StepMove.Skip when order.Next(currentCode) is { } expected => FormationProblems.OutOfOrder(expected),
            _ => FormationProblems.Established(),
        };
}
