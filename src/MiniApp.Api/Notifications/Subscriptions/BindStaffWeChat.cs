using MiniApp.WeChat;

namespace MiniApp.Api.Notifications.Subscriptions;

/// <summary>
/// POST /api/staff/me/wechat {code}: binds the staff member's WeChat (a wx.login code from the mini-program's staff
/// pages), so review digests and reminders can reach them as subscribe messages. DELETE unbinds.
/// </summary>
public static class BindStaffWeChat
{
    public sealed record Request(string? Code);

    public sealed record Response(bool Bound);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal, IWeChatClient wechat,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 128) return Problems.Validation("code", "缺少微信登录凭证");
        WeChatSession session;
        try
        {
            session = await wechat.Code2SessionAsync(request.Code, cancellationToken);
        }
        catch (WeChatApiException ex) when (ex.IsInvalidCode)
        {
            return ProblemCodes.WeChatCodeInvalid.Problem("微信登录凭证已失效，请重试");
        }
        return await SetAsync(principal.StaffId(), session.OpenId, dataSource, clock, cancellationToken);
    }

    public static Task<Results<Ok<Response>, ProblemHttpResult>> Unbind(ClaimsPrincipal principal, MySqlDataSource dataSource, TimeProvider clock,
        CancellationToken cancellationToken) => SetAsync(principal.StaffId(), null, dataSource, clock, cancellationToken);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> SetAsync(long staffId, string? openId, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff SET openid = @openId WHERE id = @staffId AND disabled = 0", new { openId, staffId }, transaction,
            cancellationToken: cancellationToken));
        if (changed == 0) return Problems.SessionExpired();
        await AuditLog.WriteAsync(connection.Db(transaction, cancellationToken), AuditEntry.ByStaff(staffId, openId is null ? "staff.wechat_unbound" : "staff.wechat_bound", "staff", staffId), now);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(openId is not null));
    }
}
