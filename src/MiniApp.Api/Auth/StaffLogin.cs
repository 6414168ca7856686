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

    /// <summary>What a login takes, bound with [AsParameters].</summary>
    public sealed record Services(
        MySqlDataSource DataSource,
        IPasswordHasher<StaffPassword> Hasher,
        PasswordHashingGate Hashing,
        StaffLoginFailures Failures,
        TokenIssuer Tokens,
        TimeProvider Clock,
        ILoggerFactory Loggers,
        CancellationToken Cancellation);

    private sealed record StaffRow(long Id, string PasswordHash, string Role, long UnionId, bool Disabled);

    /// <summary>The folded username an attempt counts under and the address it came from.</summary>
    private sealed record Attempt(string Username, string Address);

    /// <summary>What the hasher said, and the new hash when an old format was accepted.</summary>
    private sealed record Verification(PasswordVerificationResult Verdict, string? NewHash);

    private const string FindSql = """
        SELECT id, password_hash, role, union_id, disabled FROM staff WHERE username = @Username
        """;

    private const string RecordSuccessSql = """
        UPDATE staff SET last_login_at = @Now, password_hash = COALESCE(@NewHash, password_hash) WHERE id = @Id
        """;

    // A hash to verify against when the username is unknown, so both paths take the same time.
    private static readonly Lazy<string> DummyHash =
        new(() => new PasswordHasher<StaffPassword>().HashPassword(new StaffPassword(), "not-a-password"));

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, [AsParameters] Services services, HttpContext httpContext)
    {
        var logger = services.Loggers.CreateLogger(typeof(StaffLogin));
        var attempt = new Attempt(StaffUsername.Fold(request.Username), ClientAddress.Of(httpContext));
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        // A name no account can have is not looked up: the collation would find "xp-admin" under spellings that carry
        // characters it ignores, each with counts of its own. It is answered as an unknown name.
        var staff = StaffUsername.IsWellFormed(attempt.Username)
            ? await db.QuerySingleOrDefaultAsync<StaffRow>(FindSql, new { attempt.Username })
            : null;
        var account = staff is { Disabled: false } ? staff : null;

        var admission = await services.Failures.BeginAsync(attempt.Username, attempt.Address);
        if (admission.Kind == LoginVerdictKind.Locked)
        {
            logger.LogWarning("Staff login refused: too many failures for this username from this address");
            return Locked(httpContext, admission.RetryAfter);
        }
        if (admission.Kind == LoginVerdictKind.SlowedDown)
        {
            logger.LogWarning("Staff login refused: the username is slowed down after failures from several addresses");
            return RateLimitedProblem.Create(httpContext, admission.RetryAfter);
        }

        var verification = await VerifyAsync(services, attempt, account, request.Password);
        if (verification is null)
        {
            logger.LogWarning("Staff login refused: every password hashing slot is taken");
            return RateLimitedProblem.Create(httpContext, TimeSpan.FromSeconds(1));
        }
        if (account is null)
        {
            logger.LogWarning("Staff login refused: unknown or disabled account");
            return InvalidCredentials();
        }
        if (verification.Verdict == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Staff login refused for staff {StaffId}: wrong password", account.Id);
            return InvalidCredentials();
        }

        await services.Failures.SucceededAsync(attempt.Username, attempt.Address);
        await db.ExecuteAsync(RecordSuccessSql,
            new { account.Id, Now = services.Clock.GetUtcNow().UtcDateTime, verification.NewHash });
        var token = services.Tokens.ForStaff(account.Id, account.Role, account.UnionId);
        logger.LogInformation("Staff {StaffId} logged in", account.Id);
        return TypedResults.Ok(new Response(token.Token, token.ExpiresAt,
            new StaffSummary(account.Id, account.Role, account.UnionId)));
    }

    /// <summary>
    /// Checks the password in one of the bounded hashing slots, against the account's hash or, for an unknown or
    /// disabled account, a dummy one. Null when no slot is free: the attempt is then taken back, as it is when the
    /// caller gives up while queued, since no password was checked.
    /// </summary>
    private static async Task<Verification?> VerifyAsync(Services services, Attempt attempt, StaffRow? account,
        string password)
    {
        RateLimitLease lease;
        try
        {
            lease = await services.Hashing.EnterAsync(services.Cancellation);
        }
        catch (OperationCanceledException)
        {
            await services.Failures.UndoAsync(attempt.Username, attempt.Address);
            throw;
        }
        using (lease)
        {
            if (!lease.IsAcquired)
            {
                await services.Failures.UndoAsync(attempt.Username, attempt.Address);
                return null;
            }
            var verdict = services.Hasher.VerifyHashedPassword(new StaffPassword(),
                account?.PasswordHash ?? DummyHash.Value, password);
            var newHash = account is not null && verdict == PasswordVerificationResult.SuccessRehashNeeded
                ? services.Hasher.HashPassword(new StaffPassword(), password)
                : null;
            return new Verification(verdict, newHash);
        }
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
