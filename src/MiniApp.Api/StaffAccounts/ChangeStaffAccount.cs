using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.StaffAccounts;

/// <summary>Disable, enable and reset the password of a staff account; each change is audited.</summary>
public static class ChangeStaffAccount
{
    public sealed record ResetPasswordRequest(string? Password);

    public static Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> Disable(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        id == principal.StaffId()
            ? Task.FromResult<Results<Ok<StaffAccountView>, ProblemHttpResult>>(Problems.Validation("id", "不能停用自己的账号"))
            : ChangeAsync(id, principal, dataSource, clock, "UPDATE staff SET disabled = 1 WHERE id = @id", "staff.disabled", null, cancellationToken);

    public static Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> Enable(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        id == principal.StaffId()
            ? Task.FromResult<Results<Ok<StaffAccountView>, ProblemHttpResult>>(Problems.Validation("id", "不能启用自己的账号"))
            : ChangeAsync(id, principal, dataSource, clock, "UPDATE staff SET disabled = 0 WHERE id = @id", "staff.enabled", null, cancellationToken);

    /// <summary>Also forgets the username's failed logins from every address, as the old account lock was lifted by a reset.</summary>
    public static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> ResetPassword(long id, ResetPasswordRequest request,
        ClaimsPrincipal principal, MySqlDataSource dataSource, IPasswordHasher<StaffPassword> hasher, StaffLoginFailures failures,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (StaffPasswordRules.Check(request.Password) is { } error) return Problems.Validation("password", error);
        var result = await ChangeAsync(id, principal, dataSource, clock,
            "UPDATE staff SET password_hash = @Hash, password_changed_at = UTC_TIMESTAMP(6) WHERE id = @id", "staff.password_reset",
            hasher.HashPassword(new StaffPassword(), request.Password!), cancellationToken);
        if (result.Result is Ok<StaffAccountView> reset) await failures.ForgetAsync(reset.Value!.Username);
        return result;
    }

    private static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> ChangeAsync(long id, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, string sql, string action, string? hash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM staff WHERE id = @id)", new { id },
                transaction, cancellationToken: cancellationToken)))
            return ProblemCodes.NotFound.Problem("账号不存在");
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, Hash = hash }, transaction, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(principal.StaffId(), action, "staff", id), now);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await StaffAccountView.QueryAsync(connection, "WHERE s.id = @id", new { id }, cancellationToken)).Single());
    }
}
