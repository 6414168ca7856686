using System.Data.Common;
using Dapper;

namespace MiniApp.Api.Enterprises.Formation;

/// <summary>The fields of a recorded step that staff fill in and may correct later: dates, responsible staff member, note.</summary>
public static class StepFields
{
    public const int MaxNoteLength = 500;

    private const string ResponsibleSql = """
        SELECT EXISTS (SELECT 1 FROM staff WHERE id = @Id AND disabled = 0 AND role <> 'station_keeper')
        """;

    /// <summary>Messages keyed by the JSON field name; served and answered dates record what happened, so not after today (China date).</summary>
    public static Dictionary<string, string[]> Check(DateOnly? servedOn, DateOnly? answeredOn, DateOnly? deadline, string? note, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (servedOn > today) errors["servedOn"] = ["送达日期不能晚于今天"];
        if (answeredOn > today) errors["answeredOn"] = ["答复日期不能晚于今天"];
        else if (answeredOn < servedOn) errors["answeredOn"] = ["答复日期不能早于送达日期"];
        if (deadline < servedOn) errors["deadline"] = ["答复期限不能早于送达日期"];
        if (note?.Trim().Length > MaxNoteLength) errors["note"] = [$"备注不能超过{MaxNoteLength}个字"];
        return errors;
    }

    public static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>An enabled staff member of any role but station keeper (keepers run stations, not enterprise work).</summary>
    public static async Task CheckResponsibleAsync(DbConnection connection, long? responsibleStaffId, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (responsibleStaffId is not { } id) return;
        var valid = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ResponsibleSql, new { Id = id },
            cancellationToken: cancellationToken));
        if (!valid) errors["responsibleStaffId"] = ["责任人须为启用中的工作人员账号（站点管理员除外）"];
    }

    internal static DateTime? Db(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
