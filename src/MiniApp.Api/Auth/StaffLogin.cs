using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MiniApp.Api.Infrastructure.Auth;
using MiniApp.Api.Infrastructure.Errors;
using MySqlConnector;

namespace MiniApp.Api.Auth;

/// <summary>POST /api/staff/auth/login: username + password, Identity's hasher, lockout after repeated failures.</summary>
public static class StaffLogin
{
    public sealed record Request(
        [property: Required(ErrorMessage = "请输入用户名")]
        [property: StringLength(64, MinimumLength = 1, ErrorMessage = "用户名长度不正确")]
        string Username,
        [property: Required(ErrorMessage = "请输入密码")]
        [property: StringLength(128, MinimumLength = 1, ErrorMessage = "密码长度不正确")]
        string Password);

    public sealed record Response(string Token, DateTimeOffset ExpiresAt, StaffSummary Staff);

    public sealed record StaffSummary(long Id, string Role, long UnionId);

    private sealed record StaffRow(long Id, string PasswordHash, string Role, long UnionId, bool Disabled);

    private const string FindSql = """
        SELECT id, password_hash, role, union_id, disabled FROM staff WHERE username = @Username
        """;

    // Every attempt is counted before the password is checked, in one guarded statement, so a burst of parallel
    // guesses cannot all slip in under the limit; a success resets the count. locked_until is assigned first: MySQL
    // evaluates single-table SET assignments left to right.
    private const string CountAttemptSql = """
        UPDATE staff
        SET locked_until = CASE WHEN failed_logins + 1 >= @MaxFailures THEN @LockedUntil ELSE locked_until END,
            failed_logins = CASE WHEN failed_logins + 1 >= @MaxFailures THEN 0 ELSE failed_logins + 1 END
        WHERE id = @Id AND (locked_until IS NULL OR locked_until <= @Now)
        """;

    private const string RecordSuccessSql = """
        UPDATE staff SET failed_logins = 0, locked_until = NULL, last_login_at = @Now,
            password_hash = COALESCE(@NewHash, password_hash)
        WHERE id = @Id
        """;

    // A hash to verify against when the username is unknown, so both paths take the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffPassword>().HashPassword(new StaffPassword(), "not-a-password"));

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, MySqlDataSource dataSource, IPasswordHasher<StaffPassword> hasher, TokenIssuer tokens,
        IOptions<AuthOptions> options, TimeProvider clock, HttpContext httpContext, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StaffLogin));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var staff = await connection.QuerySingleOrDefaultAsync<StaffRow>(
            new CommandDefinition(FindSql, new { Username = request.Username.Trim() }, cancellationToken: cancellationToken));

        if (staff is null || staff.Disabled)
        {
            hasher.VerifyHashedPassword(new StaffPassword(), DummyHash.Value, request.Password);
            logger.LogWarning("Staff login refused: unknown or disabled account");
            return InvalidCredentials();
        }
        var counted = await connection.ExecuteAsync(new CommandDefinition(CountAttemptSql, new
        {
            staff.Id, Now = now, MaxFailures = options.Value.MaxFailedLogins, LockedUntil = now.Add(options.Value.LockoutDuration),
        }, cancellationToken: cancellationToken));
        if (counted == 0)
        {
            var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "SELECT locked_until FROM staff WHERE id = @Id", new { staff.Id }, cancellationToken: cancellationToken));
            return Locked(httpContext, (lockedUntil ?? now) - now);
        }

        var verdict = hasher.VerifyHashedPassword(new StaffPassword(), staff.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Staff login refused for staff {StaffId}: wrong password", staff.Id);
            return InvalidCredentials();
        }

        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded
            ? hasher.HashPassword(new StaffPassword(), request.Password)
            : null;
        await connection.ExecuteAsync(new CommandDefinition(RecordSuccessSql, new { staff.Id, Now = now, NewHash = newHash },
            cancellationToken: cancellationToken));
        var token = tokens.ForStaff(staff.Id, staff.Role, staff.UnionId);
        logger.LogInformation("Staff {StaffId} logged in", staff.Id);
        return TypedResults.Ok(new Response(token.Token, token.ExpiresAt, new StaffSummary(staff.Id, staff.Role, staff.UnionId)));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        Problems.Create(401, ProblemCodes.InvalidCredentials, "用户名或密码错误");

    private static ProblemHttpResult Locked(HttpContext httpContext, TimeSpan remaining)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes));
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds)).ToString();
        return Problems.Create(429, ProblemCodes.AccountLocked, $"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试");
    }
}
