using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.StaffAccounts;

/// <summary>POST /api/staff/accounts: a county admin creates an account for a union (and a department, for viewers).</summary>
public static partial class CreateStaffAccount
{
    public sealed record Request(string? Username, string? DisplayName, string? Role, long? UnionId, string? DepartmentCode, string? Password);

    public static async Task<Results<Created<StaffAccountView>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, IPasswordHasher<StaffPassword> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var username = request.Username?.Trim().ToLowerInvariant() ?? "";
        if (!StaffUsername.IsWellFormed(username)) errors["username"] = [StaffUsername.Rule];
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is < 2 or > 64) errors["displayName"] = ["请填写2至64个字的姓名或称呼"];
        if (request.Role is null || !StaffRoles.All.Contains(request.Role)) errors["role"] = ["角色不正确"];
        if (request.Role == StaffRoles.DepartmentViewer && string.IsNullOrWhiteSpace(request.DepartmentCode))
            errors["departmentCode"] = ["部门查看账号须选择所属责任部门"];
        if (StaffPasswordRules.Check(request.Password) is { } passwordError) errors["password"] = [passwordError];

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (request.UnionId is null || !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @UnionId)", new { request.UnionId }, cancellationToken: cancellationToken)))
            errors["unionId"] = ["所属工会不存在"];
        var department = string.IsNullOrWhiteSpace(request.DepartmentCode) ? null : request.DepartmentCode;
        if (department is not null && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM departments WHERE code = @department)", new { department }, cancellationToken: cancellationToken)))
            errors["departmentCode"] = ["责任部门不存在"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO staff (username, display_name, password_hash, role, union_id, department_code, created_at)
                VALUES (@username, @displayName, @Hash, @Role, @UnionId, @department, @now);
                SELECT LAST_INSERT_ID();
                """, new
            {
                username, displayName, Hash = hasher.HashPassword(new StaffPassword(), request.Password!), request.Role,
                request.UnionId, department, now
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (MySqlException exception) when (exception.IsDuplicateKey("ux_staff_username"))
        {
            return StaffAccountProblems.UsernameTakenCode.Problem();
        }
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(principal.StaffId(), "staff.created", "staff", id, new { role = request.Role, unionId = request.UnionId }), now);
        await transaction.CommitAsync(cancellationToken);
        var view = (await StaffAccountView.QueryAsync(connection, "WHERE s.id = @id", new { id }, cancellationToken)).Single();
        return TypedResults.Created($"/api/staff/accounts/{id}", view);
    }

}
