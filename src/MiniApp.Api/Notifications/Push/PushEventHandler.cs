using System.Security.Cryptography;
using MiniApp.Api.Notifications.Subscriptions;

namespace MiniApp.Api.Notifications.Push;

/// <summary>
/// Keeps the grants in step with WeChat's subscribe events: an accept in the popup adds one (paired with the same
/// accept reported by the mini-program), a template turned off clears them. A retry of an event already handled does
/// nothing.
/// </summary>
public sealed class PushEventHandler(MySqlDataSource dataSource, TimeProvider clock, ILogger<PushEventHandler> logger)
{
    private const string FirstSql =
        "INSERT IGNORE INTO wechat_push_events (event_key, received_at) VALUES (@key, @now)";
    private const string ForgetSql = "DELETE FROM wechat_push_events WHERE event_key = @key";

    public async Task HandleAsync(PushEvent pushEvent, CancellationToken cancellationToken)
    {
        if (pushEvent.MsgType != "event" || string.IsNullOrEmpty(pushEvent.FromUserName)
            || pushEvent.Event is not
                ("subscribe_msg_popup_event" or "subscribe_msg_change_event" or "subscribe_msg_sent_event"))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var db = connection.Db(cancellationToken);
        // WeChat retries with the same FromUserName + CreateTime; the key is hashed so no openid is kept here.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{pushEvent.FromUserName}|{pushEvent.CreateTime}|{pushEvent.Event}|{pushEvent.MsgId}")));
        if (await db.ExecuteAsync(FirstSql, new { key, now }) == 0) return;
        try
        {
            foreach (var item in pushEvent.Items.Where(i => !string.IsNullOrEmpty(i.TemplateId)))
                await ApplyAsync(db, pushEvent, item, now);
        }
        catch
        {
            // Let WeChat's retry run the event again.
            await connection.Db(CancellationToken.None).ExecuteAsync(ForgetSql, new { key });
            throw;
        }
    }

    private async Task ApplyAsync(Db db, PushEvent pushEvent, PushItem item, DateTime now)
    {
        var grant = new GrantKey(pushEvent.FromUserName!, item.TemplateId!);
        switch (pushEvent.Event, item.Status)
        {
            case ("subscribe_msg_popup_event", "accept"):
                await SubscriptionGrants.AddAcceptAsync(db, grant, SubscriptionGrants.Source.Push, now);
                break;
            case ("subscribe_msg_change_event", "reject"):
                await SubscriptionGrants.ClearAsync(db, grant, now);
                break;
            case ("subscribe_msg_sent_event", _) when item.ErrorCode is not (null or "0"):
                logger.LogInformation("WeChat reports a subscribe message not delivered: {ErrorCode} {ErrorStatus}",
                    item.ErrorCode, item.Status);
                break;
        }
    }
}
