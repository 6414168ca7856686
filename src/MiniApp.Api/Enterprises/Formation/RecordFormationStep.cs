namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// POST /api/staff/enterprises/{id}/steps: records the next formation step, or a step back (with a note saying why).
/// The enterprise's version guards against a concurrent writer. The union status follows the step; the final step creates
/// and links the enterprise's union in the same transaction.
/// </summary>
public static class RecordFormationStep
{
    public sealed record Request(string? StepType, DateOnly? ServedOn, DateOnly? AnsweredOn, DateOnly? Deadline, long? ResponsibleStaffId,
        string? Note, int? Version);

    private const string InsertSql = """
        INSERT INTO enterprise_formation_steps (enterprise_id, step_type_code, served_on, answered_on, deadline, responsible_staff_id, note,
            went_back, recorded_by, created_at, updated_at)
        VALUES (@EnterpriseId, @StepType, @ServedOn, @AnsweredOn, @Deadline, @ResponsibleStaffId, @Note, @WentBack, @RecordedBy, @Now, @Now);
        SELECT LAST_INSERT_ID();
        """;

    private const string MoveSql = """
        UPDATE enterprises SET current_step_code = @StepType, step_changed_at = @Now, union_status = @Status, version = version + 1,
            updated_at = @Now
        WHERE id = @EnterpriseId AND version = @Version AND union_status <> 'established'
        """;

    public static async Task<Results<Created<FormationView>, ProblemHttpResult>> Handle(long id, Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var errors = StepFields.Check(request.ServedOn, request.AnsweredOn, request.Deadline, request.Note, today);
        var stepType = request.StepType?.Trim();
        if (string.IsNullOrEmpty(stepType)) errors["stepType"] = ["请选择建会步骤"];
        if (request.Version is null) errors["version"] = ["缺少企业信息的版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var enterprise = await FormationEnterprise.InScopeAsync(connection, transaction, scope, id, cancellationToken);
        if (enterprise is null) return FormationProblems.EnterpriseNotFound();
        await StepFields.CheckResponsibleAsync(connection, transaction, request.ResponsibleStaffId, enterprise, errors, cancellationToken);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (enterprise.Version != request.Version) return FormationProblems.StateChanged();
        if (enterprise.UnionStatus == FormationOrder.Established) return FormationProblems.Established();

        var order = new FormationOrder(await StepType.LoadAsync(connection, transaction, cancellationToken));
        var note = StepFields.Note(request.Note);
        var move = order.Classify(enterprise.CurrentStepCode, stepType!);
        var refused = Refusal(move, order, enterprise.CurrentStepCode, note);
        if (refused is not null) return refused;

        var type = order.Find(stepType)!;
        if (type.IsFinal && enterprise.TownshipCode is null && !enterprise.InIndustrialPark) return FormationProblems.TownshipMissing();
        var status = order.StatusAt(type.Code);
        var wentBack = move == StepMove.Back;
        var stepId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
        {
            EnterpriseId = id, StepType = type.Code, ServedOn = StepFields.Db(request.ServedOn), AnsweredOn = StepFields.Db(request.AnsweredOn),
            Deadline = StepFields.Db(request.Deadline), request.ResponsibleStaffId, Note = note, WentBack = wentBack, RecordedBy = scope.Staff.Id,
            Now = now,
        }, transaction, cancellationToken: cancellationToken));
        var moved = await connection.ExecuteAsync(new CommandDefinition(MoveSql, new
        {
            StepType = type.Code, Now = now, Status = type.IsFinal ? enterprise.UnionStatus : status, EnterpriseId = id, request.Version,
        }, transaction, cancellationToken: cancellationToken));
        if (moved == 0) return FormationProblems.StateChanged();
        long? unionId = null;
        if (type.IsFinal)
            unionId = await EnterpriseUnion.EnsureAsync(connection, transaction, id, request.AnsweredOn ?? request.ServedOn ?? today, now,
                cancellationToken);
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(scope.Staff.Id, wentBack ? "formation.step_went_back" : "formation.step_recorded", "enterprise", id, new { stepId, stepType = type.Code, from = enterprise.CurrentStepCode, unionStatus = status, unionId, note = wentBack ? note : null }), now);
        await transaction.CommitAsync(cancellationToken);

        var view = await FormationView.LoadAsync(connection, scope, id, cancellationToken);
        return TypedResults.Created($"/api/staff/enterprises/{id}/steps", view);
    }

    private static ProblemHttpResult? Refusal(StepMove move, FormationOrder order, string? currentCode, string? note) => move switch
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
