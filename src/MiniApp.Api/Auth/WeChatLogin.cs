using System.ComponentModel.DataAnnotations;
using MiniApp.WeChat;

namespace MiniApp.Api.Auth;

/// <summary>POST /api/auth/login: wx.login code → code2session → one user per openid → our own JWT.</summary>
public static class WeChatLogin
{
    public sealed record Request(
        [property: Required(ErrorMessage = "缺少微信登录凭证 code")]
        [property: StringLength(128, MinimumLength = 1, ErrorMessage = "微信登录凭证 code 格式不正确")]
        string Code);

    public sealed record Response(string Token, DateTimeOffset ExpiresAt, WorkerSummary User);

    /// <summary>What a login takes, bound with [AsParameters].</summary>
    public sealed record Services(
        IWeChatClient WeChat,
        MySqlDataSource DataSource,
        FieldProtector Protector,
        TokenIssuer Tokens,
        TimeProvider Clock,
        ILoggerFactory Loggers,
        CancellationToken Cancellation);

    internal const string SessionKeyPurpose = "users.session_key";

    private const string UpsertUserSql = """
        INSERT INTO users (openid, unionid, session_key, created_at, last_login_at)
        VALUES (@OpenId, @UnionId, @SessionKey, @Now, @Now)
        ON DUPLICATE KEY UPDATE
            session_key = @SessionKey,
            unionid = COALESCE(@UnionId, unionid),
            last_login_at = @Now;
        SELECT id FROM users WHERE openid = @OpenId;
        """;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request,
        [AsParameters] Services services)
    {
        WeChatSession session;
        try
        {
            session = await services.WeChat.Code2SessionAsync(request.Code.Trim(), services.Cancellation);
        }
        catch (WeChatApiException exception) when (exception.IsInvalidCode)
        {
            return ProblemCodes.WeChatCodeInvalid.Problem();
        }
        catch (WeChatApiException exception) when (exception.ErrCode == WeChatErrorCodes.HighRiskUser)
        {
            return ProblemCodes.WeChatLoginBlocked.Problem();
        }

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var userId = await db.QuerySingleAsync<long>(UpsertUserSql, new
        {
            session.OpenId,
            session.UnionId,
            SessionKey = services.Protector.Seal(session.SessionKey, SessionKeyPurpose),
            Now = services.Clock.GetUtcNow().UtcDateTime,
        });

        var user = await WorkerSummary.LoadAsync(db, userId)
            ?? throw new InvalidOperationException("The user just written is missing.");
        var token = services.Tokens.ForWorker(userId);
        services.Loggers.CreateLogger(typeof(WeChatLogin)).LogInformation("Worker {UserId} logged in", userId);
        return TypedResults.Ok(new Response(token.Token, token.ExpiresAt, user));
    }
}
