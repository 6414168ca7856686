namespace MiniApp.Api.Enterprises.Formation;

public sealed record StepTypeRef(string Code, string Name);

public sealed record StaffRef(long Id, string DisplayName);

public sealed record FormationStepView(long Id, string StepType, string StepTypeName, DateOnly? ServedOn,
    DateOnly? AnsweredOn, DateOnly? Deadline, StaffRef? Responsible, string? Note, bool WentBack, StaffRef RecordedBy,
    DateTimeOffset RecordedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// An enterprise's formation: union status, current step and the step that may be recorded next (null once
/// established), the version to send with the next step, and the history oldest first.
/// </summary>
public sealed record FormationView(long EnterpriseId, string EnterpriseName, string UnionStatus, long? UnionId,
    int Version, StepTypeRef? CurrentStep, StepTypeRef? NextStep, IReadOnlyList<FormationStepView> Steps)
{
    private const string StepsSql = """
        SELECT s.id, s.step_type_code, t.name AS step_type_name, s.served_on, s.answered_on, s.deadline,
            s.responsible_staff_id, r.display_name AS responsible_name, s.note, s.went_back, s.recorded_by,
            b.display_name AS recorded_by_name, s.created_at, s.updated_at
        FROM enterprise_formation_steps s
        JOIN formation_step_types t ON t.code = s.step_type_code
        JOIN staff b ON b.id = s.recorded_by
        LEFT JOIN staff r ON r.id = s.responsible_staff_id
        WHERE s.enterprise_id = @EnterpriseId
        ORDER BY s.id
        """;

    private sealed record StepRow(long Id, string StepTypeCode, string StepTypeName, DateTime? ServedOn,
        DateTime? AnsweredOn, DateTime? Deadline, long? ResponsibleStaffId, string? ResponsibleName, string? Note,
        bool WentBack, long RecordedBy, string RecordedByName, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public FormationStepView ToView() => new(Id, StepTypeCode, StepTypeName, Date(ServedOn), Date(AnsweredOn),
            Date(Deadline), ResponsibleStaffId is { } id ? new StaffRef(id, ResponsibleName!) : null, Note, WentBack,
            new StaffRef(RecordedBy, RecordedByName), new DateTimeOffset(CreatedAt, TimeSpan.Zero),
            new DateTimeOffset(UpdatedAt, TimeSpan.Zero));
    }

    /// <summary>The enterprise's formation, or null when it is not in the caller's scope.</summary>
    public static async Task<FormationView?> LoadAsync(Db db, EnterpriseScope scope, long enterpriseId)
    {
        var enterprise = await FormationEnterprise.InScopeAsync(db, scope, enterpriseId);
        if (enterprise is null) return null;
        var order = new FormationOrder(await StepType.LoadAsync(db));
        var steps = await db.QueryAsync<StepRow>(StepsSql, new { EnterpriseId = enterpriseId });
        var current = order.Find(enterprise.CurrentStepCode);
        var next = enterprise.UnionStatus == FormationOrder.Established ? null : order.Next(enterprise.CurrentStepCode);
        return new FormationView(enterprise.Id, enterprise.Name, enterprise.UnionStatus, enterprise.UnionId,
            enterprise.Version, Ref(current), Ref(next), steps.Select(s => s.ToView()).ToList());
    }

    internal static DateOnly? Date(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    private static StepTypeRef? Ref(StepType? type) => type is null ? null : new StepTypeRef(type.Code, type.Name);
}
