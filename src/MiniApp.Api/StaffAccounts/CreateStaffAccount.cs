namespace MiniApp.Api.StaffAccounts;

/// <summary>
/// POST /api/staff/accounts: a county admin creates an account for a union (and a department, for viewers).
/// </summary>
public static class CreateStaffAccount
{
    public sealed record Request(string? Username, string? DisplayName, string? Role, long? UnionId,
        string? DepartmentCode, string? Password);

    /// <summary>The request's names as stored: the username lower case, the display name trimmed.</summary>
    private sealed record Names(string Username, string DisplayName, string? Department);

    private const string InsertSql = """
        INSERT INTO staff (username, display_name, password_hash, role, union_id, department_code, created_at)
        VALUES (@Username, @DisplayName, @Hash, @Role, @UnionId, @Department, @Now);
        SELECT LAST_INSERT_ID();
        """;

    public static async Task<Results<Created<StaffAccountView>, ProblemHttpResult>> Handle(Request request,
        StaffContext staff, [AsParameters] StaffAccountServices services)
    {
        var names = new Names(request.Username?.Trim().ToLowerInvariant() ?? "", request.DisplayName?.Trim() ?? "",
            string.IsNullOrWhiteSpace(request.DepartmentCode) ? null : request.DepartmentCode);
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var errors = await CheckAsync(db, request, names);
        if (errors.Count > 0) return Problems.Validation(errors);

        var now = services.UtcNow();
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        long id;
        try
        {
            id = await tx.ExecuteScalarAsync<long>(InsertSql, new
            {
                names.Username, names.DisplayName, Hash = services.Hash(request.Password!), request.Role,
                request.UnionId, names.Department, Now = now,
            });
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("ux_staff_username"))
        {
            return StaffAccountProblems.UsernameTakenCode.Problem();
        }
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, "staff.created", "staff", id,
            new { role = request.Role, unionId = request.UnionId }), now);
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Created($"/api/staff/accounts/{id}", await StaffAccountView.OneAsync(db, id));
    }

    private static async Task<Dictionary<string, string[]>> CheckAsync(Db db, Request request, Names names)
    {
        var errors = new Dictionary<string, string[]>();
        if (!StaffUsername.IsWellFormed(names.Username)) errors["username"] = [StaffUsername.Rule];
        if (names.DisplayName.Length is < 2 or > 64) errors["displayName"] = ["请填写2至64个字的姓名或称呼"];
        if (request.Role is null || !StaffRoles.All.Contains(request.Role)) errors["role"] = ["角色不正确"];
        if (request.Role == StaffRoles.DepartmentViewer && string.IsNullOrWhiteSpace(request.DepartmentCode))
            errors["departmentCode"] = ["部门查看账号须选择所属责任部门"];
        if (StaffPasswordRules.Check(request.Password) is { } passwordError) errors["password"] = [passwordError];

        if (request.UnionId is null || !await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @UnionId)", new { request.UnionId }))
            errors["unionId"] = ["所属工会不存在"];
        if (names.Department is not null && !await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM departments WHERE code = @Department)", new { names.Department }))
            errors["departmentCode"] = ["责任部门不存在"];
        return errors;
    }
}
