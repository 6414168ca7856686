namespace MiniApp.Api.Notifications;

public static class NotificationProblems
{
    public static readonly ProblemCode NotDeadCode = new("notification_not_dead", 409, "只有发送失败的通知可以重新发送",
        "only a dead notification can be sent again");

    public static readonly ProblemCode WeChatNotBoundCode = new("wechat_not_bound", 409, "请先绑定微信",
        "recording subscriptions for a staff member who has not bound WeChat");
}
