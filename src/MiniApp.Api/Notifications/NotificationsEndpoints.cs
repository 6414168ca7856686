using MiniApp.Api.Notifications.DeadLetters;
using MiniApp.Api.Notifications.Inbox;
using MiniApp.Api.Notifications.Push;
using MiniApp.Api.Notifications.Subscriptions;

namespace MiniApp.Api.Notifications;

public static class NotificationsEndpoints
{
    private static readonly EndpointProblem CountyAdminsOnly = ProblemCodes.Forbidden.Because("county admins only");

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me: notifications").RequireAuthorization(Policies.Worker)
            .WithProblems(EndpointProblems.Worker);
        me.MapPost("/subscriptions", RecordSubscriptions.Handle)
            .WithSummary("Record what wx.requestSubscribeMessage returned: one grant per accept")
            .WithDescription("Body: {\"results\":{\"<templateId>\":\"accept\"|\"reject\"|\"ban\"|\"filter\"}}. "
                + "Answers the grants now held for those templates.")
            .WithProblems(ProblemCodes.ValidationFailed.Because("1 to 10 results of accept, reject, ban or filter"),
                NotificationProblems.WeChatNotBoundCode.Because("log in with WeChat again"))
            .WithRequestExample(NotificationExamples.WorkerSubscriptions)
            .WithResponseExample(NotificationExamples.WorkerGrants);
        me.MapGet("/messages", MyMessages.ListForWorker)
            .WithSummary("The worker's in-app messages, newest first; page with ?before=<id of the last one>")
            .WithProblems(ProblemCodes.ValidationFailed.Because("limit is 1 to 100"))
            .WithResponseExample(NotificationExamples.WorkerInbox);
        me.MapPost("/messages/{id:long}/read", MyMessages.ReadForWorker)
            .WithSummary("Mark a message read")
            .WithProblems(ProblemCodes.NotFound);

        var staff = app.MapGroup("/api/staff").WithTags("Staff: notifications").RequireAuthorization(Policies.Staff)
            .WithProblems(EndpointProblems.Staff);
        staff.MapGet("/messages", MyMessages.ListForStaff)
            .WithSummary("The staff member's in-app messages (review digests and reminders), newest first")
            .WithProblems(ProblemCodes.ValidationFailed.Because("limit is 1 to 100"))
            .WithResponseExample(NotificationExamples.StaffInbox);
        staff.MapPost("/messages/{id:long}/read", MyMessages.ReadForStaff)
            .WithSummary("Mark a message read")
            .WithProblems(ProblemCodes.NotFound);
        staff.MapPost("/me/wechat", BindStaffWeChat.Handle)
            .WithSummary("Bind the staff member's WeChat (a wx.login code) for review digests and reminders")
            .WithProblems(ProblemCodes.ValidationFailed, ProblemCodes.WeChatCodeInvalid, ProblemCodes.WeChatUnavailable)
            .WithRequestExample(NotificationExamples.BindWeChat)
            .WithResponseExample(NotificationExamples.Bound);
        staff.MapDelete("/me/wechat", BindStaffWeChat.Unbind)
            .WithSummary("Unbind the staff member's WeChat")
            .WithResponseExample(NotificationExamples.Unbound);
        staff.MapPost("/me/subscriptions", RecordSubscriptions.HandleForStaff)
            .WithSummary("Record what wx.requestSubscribeMessage returned on the staff pages: one grant per accept")
            .WithProblems(ProblemCodes.ValidationFailed,
                NotificationProblems.WeChatNotBoundCode.Because("bind WeChat first"))
            .WithRequestExample(NotificationExamples.StaffSubscriptions)
            .WithResponseExample(NotificationExamples.StaffGrants);
        staff.MapGet("/notifications", ListNotifications.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Outbox notifications by status (default dead), newest first (county admins)")
            .WithProblems(ProblemCodes.ValidationFailed.Because("status, page or pageSize"), CountyAdminsOnly)
            .WithResponseExample(NotificationExamples.Dead);
        staff.MapPost("/notifications/{id:long}/retry", RetryNotification.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Send a dead notification again (county admins)")
            .WithProblems(CountyAdminsOnly, ProblemCodes.NotFound, NotificationProblems.NotDeadCode)
            .WithResponseExample(NotificationExamples.Retried);

        app.MapWeChatPushEndpoints();
        return app;
    }
}
