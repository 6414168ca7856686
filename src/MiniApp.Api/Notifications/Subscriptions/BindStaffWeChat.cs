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

    private const string Sql = "UPDATE staff SET openid = @openId WHERE id = @staffId AND disabled = 0";

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, StaffContext staff,
        IWeChatClient wechat, [AsParameters] NotificationServices services)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 128)
            return Problems.Validation("code", "缺少微信登录凭证");
        WeChatSession session;
        try
        {
            session = await wechat.Code2SessionAsync(request.Code, services.Cancellation);
        }
        catch (WeChatApiException ex) when (ex.IsInvalidCode)
        {
            return ProblemCodes.WeChatCodeInvalid.Problem("微信登录凭证已失效，请重试");
        }
        return await SetAsync(staff.Id, session.OpenId, services);
    }

    public static Task<Results<Ok<Response>, ProblemHttpResult>> Unbind(StaffContext staff,
        [AsParameters] NotificationServices services) => SetAsync(staff.Id, null, services);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> SetAsync(long staffId, string? openId,
        NotificationServices services)
    {
        var now = services.UtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(services.Cancellation);
        var tx = connection.Db(transaction, services.Cancellation);
        if (await tx.ExecuteAsync(Sql, new { openId, staffId }) == 0) return Problems.SessionExpired();
        var action = openId is null ? "staff.wechat_unbound" : "staff.wechat_bound";
        await AuditLog.WriteAsync(tx, AuditEntry.ByStaff(staffId, action, "staff", staffId), now);
        await transaction.CommitAsync(services.Cancellation);
        return TypedResults.Ok(new Response(openId is not null));
    }
}
