namespace MiniApp.Api.StaffAccounts;

/// <summary>Disable, enable and reset the password of a staff account; each change is audited.</summary>
public static class ChangeStaffAccount
{
    public sealed record ResetPasswordRequest(string? Password);

    /// <summary>One change to an account: its statement (on @id, @Hash for a password) and its audit action.</summary>
    private sealed record Change(string Sql, string Action, string? Hash = null);

    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM staff WHERE id = @id)";

    private const string ResetSql =
        "UPDATE staff SET password_hash = @Hash, password_changed_at = UTC_TIMESTAMP(6) WHERE id = @id";

    public static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> Disable(long id, StaffContext staff,
        [AsParameters] StaffAccountServices services)
    {
        if (id == staff.Id) return Problems.Validation("id", "不能停用自己的账号");
        return await ChangeAsync(id, staff, services, new Change("UPDATE staff SET disabled = 1 WHERE id = @id",
            "staff.disabled"));
    }

    public static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> Enable(long id, StaffContext staff,
        [AsParameters] StaffAccountServices services)
    {
        if (id == staff.Id) return Problems.Validation("id", "不能启用自己的账号");
        return await ChangeAsync(id, staff, services, new Change("UPDATE staff SET disabled = 0 WHERE id = @id",
            "staff.enabled"));
    }

    /// <summary>
    /// Also forgets the username's failed logins from every address, as the old account lock was lifted by a reset.
    /// </summary>
    public static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> ResetPassword(long id,
        ResetPasswordRequest request, StaffContext staff, StaffLoginFailures failures,
        [AsParameters] StaffAccountServices services)
    {
        if (StaffPasswordRules.Check(request.Password) is { } error) return Problems.Validation("password", error);
        var change = new Change(ResetSql, "staff.password_reset", services.Hash(request.Password!));
        var result = await ChangeAsync(id, staff, services, change);
        if (result.Result is Ok<StaffAccountView> reset) await failures.ForgetAsync(reset.Value!.Username);
        return result;
    }

    private static async Task<Results<Ok<StaffAccountView>, ProblemHttpResult>> ChangeAsync(long id,
        StaffContext staff, StaffAccountServices services, Change change)
    {
        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = db.In(transaction);
        if (!await tx.ExecuteScalarAsync<bool>(ExistsSql, new { id }))
            return ProblemCodes.NotFound.Problem("账号不存在");
        await tx.ExecuteAsync(change.Sql, new { id, change.Hash });
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staff.Id, change.Action, "staff", id), services.UtcNow());
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(await StaffAccountView.OneAsync(db, id));
    }
}
