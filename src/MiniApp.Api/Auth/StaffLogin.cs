using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using MiniApp.Api.Infrastructure.RateLimiting;

namespace MiniApp.Api.Auth;

/// <summary>
/// POST /api/staff/auth/login: username + password, Identity's hasher. Before any hashing: the per-address limit (the
/// endpoint's policy), then the failures of this username from this address and the username's slow-down; then a
/// bounded number of hashes at once. An unknown username goes the same way as a wrong password, lockout included.
/// </summary>
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

    public sealed record Services(MySqlDataSource DataSource, IPasswordHasher<StaffPassword> Hasher, PasswordHashingGate Hashing,
        StaffLoginFailures Failures, TokenIssuer Tokens, TimeProvider Clock, ILoggerFactory Loggers);

    private sealed record StaffRow(long Id, string PasswordHash, string Role, long UnionId, bool Disabled);

    private const string FindSql = """
        SELECT id, password_hash, role, union_id, disabled FROM staff WHERE username = @Username
        """;

    private const string RecordSuccessSql = """
        UPDATE staff SET last_login_at = @Now, password_hash = COALESCE(@NewHash, password_hash) WHERE id = @Id
        """;

    // A hash to verify against when the username is unknown, so both paths take the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffPassword>().HashPassword(new StaffPassword(), "not-a-password"));

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, [AsParameters] Services services, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var logger = services.Loggers.CreateLogger(typeof(StaffLogin));
        var username = StaffUsername.Fold(request.Username);
        var address = ClientAddress.Of(httpContext);
        await using var connection = await services.DataSource.OpenConnectionAsync(cancellationToken);
        // A name no account can have is not looked up: the collation would find "xp-admin" under spellings that carry
        // characters it ignores, each with counts of its own. It is answered as an unknown name.
        var staff = StaffUsername.IsWellFormed(username)
            ? await connection.QuerySingleOrDefaultAsync<StaffRow>(
                new CommandDefinition(FindSql, new { Username = username }, cancellationToken: cancellationToken))
            : null;
        var known = staff is { Disabled: false };

        var attempt = await services.Failures.BeginAsync(username, address);
        if (attempt.Kind == LoginVerdictKind.Locked)
        {
            logger.LogWarning("Staff login refused: too many failures for this username from this address");
            return Locked(httpContext, attempt.RetryAfter);
        }
        if (attempt.Kind == LoginVerdictKind.SlowedDown)
        {
            logger.LogWarning("Staff login refused: the username is slowed down after failures from several addresses");
            return RateLimitedProblem.Create(httpContext, attempt.RetryAfter);
        }

        PasswordVerificationResult verdict;
        string? newHash = null;
        RateLimitLease waited;
        try
        {
            waited = await services.Hashing.EnterAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up while queued: no password was checked, so the attempt is not a failure.
            await services.Failures.UndoAsync(username, address);
            throw;
        }
        using (var slot = waited)
        {
            if (!slot.IsAcquired)
            {
                await services.Failures.UndoAsync(username, address);
                logger.LogWarning("Staff login refused: every password hashing slot is taken");
                return RateLimitedProblem.Create(httpContext, TimeSpan.FromSeconds(1));
            }
            verdict = services.Hasher.VerifyHashedPassword(new StaffPassword(), known ? staff!.PasswordHash : DummyHash.Value, request.Password);
            if (known && verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                newHash = services.Hasher.HashPassword(new StaffPassword(), request.Password);
            }
        }
        if (!known)
        {
            logger.LogWarning("Staff login refused: unknown or disabled account");
            return InvalidCredentials();
        }
        if (verdict == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Staff login refused for staff {StaffId}: wrong password", staff!.Id);
            return InvalidCredentials();
        }

        await services.Failures.SucceededAsync(username, address);
        await connection.ExecuteAsync(new CommandDefinition(RecordSuccessSql,
            new { staff!.Id, Now = services.Clock.GetUtcNow().UtcDateTime, NewHash = newHash }, cancellationToken: cancellationToken));
        var token = services.Tokens.ForStaff(staff.Id, staff.Role, staff.UnionId);
        logger.LogInformation("Staff {StaffId} logged in", staff.Id);
        return TypedResults.Ok(new Response(token.Token, token.ExpiresAt, new StaffSummary(staff.Id, staff.Role, staff.UnionId)));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        ProblemCodes.InvalidCredentials.Problem();

    private static ProblemHttpResult Locked(HttpContext httpContext, TimeSpan retryAfter)
    {
        var seconds = RateLimitedProblem.RetryAfterSeconds(retryAfter);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemCodes.AccountLocked.Problem($"登录失败次数过多，请{RateLimitedProblem.Wait(seconds)}后再试");
    }
}
