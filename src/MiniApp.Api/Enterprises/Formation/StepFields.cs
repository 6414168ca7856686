namespace MiniApp.Api.Enterprises.Formation;

/// <summary>
/// The fields of a recorded step that staff fill in and may correct later: dates, responsible staff member, note.
/// </summary>
public static class StepFields
{
    public const int MaxNoteLength = 500;

    /// <summary>
    /// Messages keyed by the JSON field name; served and answered dates record what happened, so not after today (China
    /// date).
    /// </summary>
    public static Dictionary<string, string[]> Check(DateOnly? servedOn, DateOnly? answeredOn, DateOnly? deadline,
        string? note, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        DateRange.Check(servedOn, "servedOn", errors);
        DateRange.Check(answeredOn, "answeredOn", errors);
        DateRange.Check(deadline, "deadline", errors);
        if (errors.Count > 0) return errors;
        if (servedOn > today) errors["servedOn"] = ["送达日期不能晚于今天"];
        if (answeredOn > today) errors["answeredOn"] = ["答复日期不能晚于今天"];
        else if (answeredOn < servedOn) errors["answeredOn"] = ["答复日期不能早于送达日期"];
        if (deadline < servedOn) errors["deadline"] = ["答复期限不能早于送达日期"];
        if (note?.Trim().Length > MaxNoteLength) errors["note"] = [$"备注不能超过{MaxNoteLength}个字"];
        return errors;
    }

    public static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>
    /// An enabled staff member whose enterprise scope covers this enterprise (<see cref="EnterpriseScope"/>): a county
    /// admin, the reviewer of its township's federation (or of the park federation for a park enterprise), a user of
    /// its responsible department. Deadline reminders name the enterprise to them, so they must be able to open it.
    /// </summary>
    public static async Task CheckResponsibleAsync(Db tx, long? responsibleStaffId, FormationEnterprise enterprise,
        Dictionary<string, string[]> errors)
    {
        if (responsibleStaffId is not { } id) return;
        var scope = await EnterpriseScope.OfStaffAsync(tx, id);
        if (scope?.Covers(enterprise.TownshipCode, enterprise.InIndustrialPark, enterprise.DepartmentCode) == true)
            return;
        errors["responsibleStaffId"] =
        [
            "责任人须为能查看该企业的在用工作人员账号：县总工会管理员、企业所在乡镇（街道）或工业园区总工会的审核人员、"
            + "企业责任部门的人员",
        ];
    }

    /// <summary>
    /// The five fields as the columns of enterprise_formation_steps take them (Dapper parameters), with the time of
    /// the write.
    /// </summary>
    public sealed record Columns(DateTime? ServedOn, DateTime? AnsweredOn, DateTime? Deadline, long? ResponsibleStaffId,
        string? Note, DateTime Now)
    {
        public static Columns Of(DateOnly? servedOn, DateOnly? answeredOn, DateOnly? deadline, long? responsibleStaffId,
            string? note, DateTime now) =>
            new(Column(servedOn), Column(answeredOn), Column(deadline), responsibleStaffId, note, now);
    }

    internal static DateTime? Column(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
