using MiniApp.Api.Notifications.DeadLetters;
using MiniApp.Api.Notifications.Inbox;
using MiniApp.Api.Notifications.Push;
using MiniApp.Api.Notifications.Subscriptions;

namespace MiniApp.Api.Notifications;

public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me: notifications").RequireAuthorization(Policies.Worker)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        me.MapPost("/subscriptions", RecordSubscriptions.Handle)
            .WithSummary("Record what wx.requestSubscribeMessage returned: one grant per accept")
            .WithDescription("Body: {\"results\":{\"<templateId>\":\"accept\"|\"reject\"|\"ban\"|\"filter\"}}. Answers the grants now held for those templates.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapGet("/messages", MyMessages.ListForWorker)
            .WithSummary("The worker's in-app messages, newest first; page with ?before=<id of the last one>")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapPost("/messages/{id:long}/read", MyMessages.ReadForWorker)
            .WithSummary("Mark a message read")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var staff = app.MapGroup("/api/staff").WithTags("Staff: notifications").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        staff.MapGet("/messages", MyMessages.ListForStaff)
            .WithSummary("The staff member's in-app messages (review digests and reminders), newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapPost("/messages/{id:long}/read", MyMessages.ReadForStaff)
            .WithSummary("Mark a message read")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/me/wechat", BindStaffWeChat.Handle)
            .WithSummary("Bind the staff member's WeChat (a wx.login code) for review digests and reminders")
            .WithDescription("Problem codes: validation_failed, wechat_code_invalid (400), wechat_unavailable (503).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        staff.MapDelete("/me/wechat", BindStaffWeChat.Unbind)
            .WithSummary("Unbind the staff member's WeChat");
        staff.MapPost("/me/subscriptions", RecordSubscriptions.HandleForStaff)
            .WithSummary("Record what wx.requestSubscribeMessage returned on the staff pages: one grant per accept")
            .WithDescription("Problem codes: validation_failed, wechat_not_bound (409: bind WeChat first).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/notifications", ListNotifications.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Outbox notifications by status (default dead), newest first (county admins)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapPost("/notifications/{id:long}/retry", RetryNotification.Handle)
            .RequireAuthorization(Policies.CountyAdmin)
            .WithSummary("Send a dead notification again (county admins)")
            .WithDescription("Problem codes: not_found (404), notification_not_dead (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapWeChatPushEndpoints();
        return app;
    }
}
