using MiniApp.Api.Notifications.DeadLetters;
using MiniApp.Api.Notifications.Inbox;
using MiniApp.Api.Notifications.Subscriptions;

namespace MiniApp.Api.Notifications;

/// <summary>The OpenAPI examples of subscriptions, the inbox, staff WeChat binding and dead notifications.</summary>
internal static class NotificationExamples
{
    public static readonly RecordSubscriptions.Request WorkerSubscriptions = new(new Dictionary<string, string>
    {
        ["tmpl_application_result"] = "accept",
        ["tmpl_review_reminder"] = "reject",
    });

    public static readonly RecordSubscriptions.Response WorkerGrants = new([new("tmpl_application_result", 1)]);

    public static readonly RecordSubscriptions.Request StaffSubscriptions =
        new(new Dictionary<string, string> { ["tmpl_review_reminder"] = "accept" });

    public static readonly RecordSubscriptions.Response StaffGrants = new([new("tmpl_review_reminder", 1)]);

    public static readonly InboxPage WorkerInbox = new(
    [
        new InboxMessage(88, "application_approved", "入会申请已通过", "您已成为桂山街道总工会会员，可在“我的”查看电子会员卡。",
            "pages/card/index", 1024, new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), null),
    ], 1);

    public static readonly InboxPage StaffInbox = new(
    [
        new InboxMessage(89, "review_digest", "待审核入会申请", "桂山街道总工会有3份入会申请待审核。", "pages/staff/review/index", null,
            new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero), null),
    ], 1);

    public static readonly BindStaffWeChat.Request BindWeChat = new("0a3Xyz000example0code");

    public static readonly BindStaffWeChat.Response Bound = new(true);

    public static readonly BindStaffWeChat.Response Unbound = new(false);

    public static readonly ListNotifications.Page Dead = new(
    [
        new ListNotifications.Item(301, "application_approved", "worker", 501, "dead", 5,
            "43101 user refuse to accept the msg", new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 3, 3, 10, 0, TimeSpan.Zero)),
    ], 1, 20, 1);

    public static readonly RetryNotification.Response Retried = new(301, "pending");
}
