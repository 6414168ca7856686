namespace MiniApp.Api.Notifications.Inbox;

/// <summary>GET /api/me/messages and POST /api/me/messages/{id}/read (workers); the same under /api/staff/messages
/// for staff.</summary>
public static class MyMessages
{
    public static Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListForWorker(long? before, int? limit,
        ClaimsPrincipal principal, [AsParameters] NotificationServices services) =>
        ListAsync(new(Recipients.Worker, principal.UserId()), before, limit, services);

    public static Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListForStaff(long? before, int? limit,
        StaffContext staff, [AsParameters] NotificationServices services) =>
        ListAsync(new(Recipients.Staff, staff.Id), before, limit, services);

    public static Task<Results<NoContent, ProblemHttpResult>> ReadForWorker(long id, ClaimsPrincipal principal,
        [AsParameters] NotificationServices services) =>
        ReadAsync(new(Recipients.Worker, principal.UserId()), id, services);

    public static Task<Results<NoContent, ProblemHttpResult>> ReadForStaff(long id, StaffContext staff,
        [AsParameters] NotificationServices services) =>
        ReadAsync(new(Recipients.Staff, staff.Id), id, services);

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListAsync(InboxOwner owner, long? before,
        int? limit, NotificationServices services)
    {
        var size = limit ?? 20;
        if (size is < 1 or > 100) return Problems.Validation("limit", "每页条数为1至100");
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        return TypedResults.Ok(await Inbox.LoadAsync(connection.Db(services.Cancellation), owner, before, size));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(InboxOwner owner, long id,
        NotificationServices services)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        return await Inbox.MarkReadAsync(connection.Db(services.Cancellation), owner, id, services.UtcNow())
            ? TypedResults.NoContent()
            : ProblemCodes.NotFound.Problem("消息不存在");
    }
}
