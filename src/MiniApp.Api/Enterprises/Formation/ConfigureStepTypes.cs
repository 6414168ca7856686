namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// PUT /api/staff/formation-step-types (county admins): the whole list in its new order. A type left out is removed,
/// unless some enterprise recorded it (then it may only be renamed or deactivated); a type without a code is new. In
/// the same transaction, every enterprise not established that has a current step takes the 未建会 / 筹建中 status the
/// new order gives that step (moving the type marked as the start of 筹建中 moves them with it), with its version
/// bumped.
/// </summary>
public static class ConfigureStepTypes
{
    public sealed record Request(IReadOnlyList<StepTypeInput?>? Types);

    private const string DeleteSql = "DELETE FROM formation_step_types WHERE code = @Code";

    private const string UpsertSql = """
        INSERT INTO formation_step_types (code, name, sort_order, is_final, active, marks_forming)
        VALUES (@Code, @Name, @SortOrder, @IsFinal, @Active, @MarksForming)
        ON DUPLICATE KEY UPDATE name = @Name, sort_order = @SortOrder, is_final = @IsFinal, active = @Active,
            marks_forming = @MarksForming
        """;

    private const string FollowStepsSql = """
        UPDATE enterprises
        SET union_status = CASE WHEN current_step_code IN @FormingSteps THEN 'forming' ELSE 'none' END,
            version = version + 1, updated_at = @Now
        WHERE current_step_code IS NOT NULL AND union_status IN ('none', 'forming')
            AND union_status <> CASE WHEN current_step_code IN @FormingSteps THEN 'forming' ELSE 'none' END
        """;

    public static async Task<Results<Ok<StepTypesResponse>, ProblemHttpResult>> Handle(Request request,
        StaffContext staff, [AsParameters] EnterpriseServices services)
    {
        var errors = new Dictionary<string, string[]>();
        var types = StepTypeRules.Check(request.Types, errors, () => "step_" + Guid.NewGuid().ToString("N")[..8]);
        if (types is null) return Problems.Validation(errors);

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var now = services.UtcNow();
        await using (var transaction = await connection.BeginTransactionAsync(services.Cancellation))
        {
            var tx = db.In(transaction);
            var existing = await StepType.LoadAsync(tx, forUpdate: true);
            var inUse = await StepTypesResponse.InUseAsync(tx);
            var removed = existing.Where(e => types.All(t => t.Code != e.Code)).ToList();
            if (removed.FirstOrDefault(r => inUse.Contains(r.Code)) is { } used)
                return FormationProblems.StepTypeInUse(used.Name);
            foreach (var type in removed) await tx.ExecuteAsync(DeleteSql, new { type.Code });
            foreach (var type in types) await tx.ExecuteAsync(UpsertSql, type);
            var restated = await tx.ExecuteAsync(FollowStepsSql, new { FormingSteps = FormingSteps(types), Now = now });
            await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "formation.step_types_configured",
                "formation_step_types", 0, new
                {
                    order = types.Select(t => t.Code), removed = removed.Select(r => r.Code), restated,
                }), now);
            await transaction.CommitAsync(services.Cancellation);
        }
        return TypedResults.Ok(await StepTypesResponse.LoadAsync(db));
    }

    /// <summary>
    /// The step types an enterprise is 筹建中 at under this order (from the marked type on). "" stands for none, which
    /// matches no step and keeps IN () valid SQL.
    /// </summary>
    public static IReadOnlyList<string> FormingSteps(IReadOnlyList<StepType> types)
    {
        var order = new FormationOrder(types);
        var forming = types.Where(t => order.StatusAt(t.Code) != FormationOrder.None).Select(t => t.Code).ToList();
        return forming.Count > 0 ? forming : [""];
    }
}
