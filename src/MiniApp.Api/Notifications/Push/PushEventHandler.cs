using System.Security.Cryptography;
using MiniApp.Api.Notifications.Subscriptions;

namespace MiniApp.Api.Notifications.Push;

/// <summary>
/// Keeps the grants in step with WeChat's subscribe events: an accept in the popup adds one (paired with the same accept
/// reported by the mini-program), a template turned off clears them. A retry of an event already handled does nothing.
/// </summary>
public sealed class PushEventHandler(MySqlDataSource dataSource, TimeProvider clock, ILogger<PushEventHandler> logger)
{
    public async Task HandleAsync(PushEvent pushEvent, CancellationToken cancellationToken)
    {
        if (pushEvent.MsgType != "event" || string.IsNullOrEmpty(pushEvent.FromUserName) || pushEvent.Event is not
            ("subscribe_msg_popup_event" or "subscribe_msg_change_event" or "subscribe_msg_sent_event"))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // WeChat retries with the same FromUserName + CreateTime; the key is hashed so no openid is kept here.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{pushEvent.FromUserName}|{pushEvent.CreateTime}|{pushEvent.Event}|{pushEvent.MsgId}")));
        var first = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT IGNORE INTO wechat_push_events (event_key, received_at) VALUES (@key, @now)", new { key, now },
            cancellationToken: cancellationToken));
        if (first == 0) return;
        try
        {
            foreach (var item in pushEvent.Items.Where(i => !string.IsNullOrEmpty(i.TemplateId)))
            {
                switch (pushEvent.Event, item.Status)
                {
                    case ("subscribe_msg_popup_event", "accept"):
                        await SubscriptionGrants.AddAcceptAsync(connection, pushEvent.FromUserName, item.TemplateId!,
                            SubscriptionGrants.Source.Push, now, cancellationToken);
                        break;
                    case ("subscribe_msg_change_event", "reject"):
                        await SubscriptionGrants.ClearAsync(connection, null, pushEvent.FromUserName, item.TemplateId!, now, cancellationToken);
                        break;
                    case ("subscribe_msg_sent_event", _) when item.ErrorCode is not (null or "0"):
                        logger.LogInformation("WeChat reports a subscribe message not delivered: {ErrorCode} {ErrorStatus}", item.ErrorCode, item.Status);
                        break;
                }
            }
        }
        catch
        {
            // Let WeChat's retry run the event again.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM wechat_push_events WHERE event_key = @key", new { key },
                cancellationToken: CancellationToken.None));
            throw;
        }
    }
}
