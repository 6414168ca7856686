namespace MiniApp.Api.Notifications.Subscriptions;

/// <summary>
/// POST /api/me/subscriptions {"results":{"&lt;templateId&gt;":"accept"|"reject"|"ban"|"filter"}}: what
/// wx.requestSubscribeMessage returned. Each accept is one grant; ban (the user turned the template off) clears it.
/// </summary>
public static class RecordSubscriptions
{
    public sealed record Request(Dictionary<string, string>? Results);

    public sealed record Grant(string TemplateId, int Remaining);

    public sealed record Response(IReadOnlyList<Grant> Grants);

    private static readonly string[] Answers = ["accept", "reject", "ban", "filter"];

    public static Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        RecordAsync(request, "SELECT openid FROM users WHERE id = @Id", principal.UserId(), dataSource, clock, cancellationToken);

    /// <summary>POST /api/staff/me/subscriptions: the same for a staff member's bound WeChat (review digests and reminders).</summary>
    public static Task<Results<Ok<Response>, ProblemHttpResult>> HandleForStaff(Request request, ClaimsPrincipal principal,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        RecordAsync(request, "SELECT openid FROM staff WHERE id = @Id AND disabled = 0", principal.StaffId(), dataSource, clock, cancellationToken);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> RecordAsync(Request request, string openIdSql, long id,
        MySqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The client sends at most 3 templates per call; the mini-program's result also carries "errMsg", which is skipped.
        var results = (request.Results ?? []).Where(pair => pair.Key != "errMsg").ToList();
        if (results.Count is 0 or > 10) return Problems.Validation("results", "请提供1至10个订阅结果");
        if (results.Any(pair => pair.Key.Length is 0 or > 64 || !Answers.Contains(pair.Value)))
            return Problems.Validation("results", "订阅结果须为 accept、reject、ban 或 filter");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var openId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(openIdSql, new { Id = id },
            cancellationToken: cancellationToken));
        if (openId is null) return NotificationProblems.WeChatNotBoundCode.Problem();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (templateId, answer) in results)
        {
            if (answer == "accept")
                await SubscriptionGrants.AddAcceptAsync(connection, openId, templateId, SubscriptionGrants.Source.Client, now, cancellationToken);
            else if (answer == "ban")
                await SubscriptionGrants.ClearAsync(connection, null, openId, templateId, now, cancellationToken);
        }
        var grants = await connection.QueryAsync<Grant>(new CommandDefinition(
            "SELECT template_id, remaining FROM subscription_quota WHERE openid = @openId AND template_id IN @templateIds ORDER BY template_id",
            new { openId, templateIds = results.Select(r => r.Key).ToArray() }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Response(grants.ToList()));
    }
}
