namespace MiniApp.Api.Notifications.Inbox;

/// <summary>GET /api/me/messages and POST /api/me/messages/{id}/read (workers); the same under /api/staff/messages for staff.</summary>
public static class MyMessages
{
    public static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListForWorker(long? before, int? limit, ClaimsPrincipal principal,
        MySqlDataSource dataSource, CancellationToken cancellationToken) =>
        await ListAsync(Recipients.Worker, principal.UserId(), before, limit, dataSource, cancellationToken);

    public static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListForStaff(long? before, int? limit, ClaimsPrincipal principal,
        MySqlDataSource dataSource, CancellationToken cancellationToken) =>
        await ListAsync(Recipients.Staff, principal.StaffId(), before, limit, dataSource, cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> ReadForWorker(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ReadAsync(Recipients.Worker, principal.UserId(), id, dataSource, clock, cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> ReadForStaff(long id, ClaimsPrincipal principal, MySqlDataSource dataSource,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ReadAsync(Recipients.Staff, principal.StaffId(), id, dataSource, clock, cancellationToken);

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListAsync(string recipientType, long recipientId, long? before, int? limit,
        MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var size = limit ?? 20;
        if (size is < 1 or > 100) return Problems.Validation("limit", "每页条数为1至100");
        return TypedResults.Ok(await Inbox.LoadAsync(dataSource, recipientType, recipientId, before, size, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(string recipientType, long recipientId, long id,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        await Inbox.MarkReadAsync(dataSource, recipientType, recipientId, id, clock.GetUtcNow().UtcDateTime, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemCodes.NotFound.Problem("消息不存在");
}
