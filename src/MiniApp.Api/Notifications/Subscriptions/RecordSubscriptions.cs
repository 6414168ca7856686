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

    private const string GrantsSql = """
        SELECT template_id, remaining FROM subscription_quota
        WHERE openid = @openId AND template_id IN @templateIds ORDER BY template_id
        """;

    public static Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal,
        [AsParameters] NotificationServices services) =>
        RecordAsync(request, Recipients.Worker, principal.UserId(), services);

    /// <summary>POST /api/staff/me/subscriptions: the same for a staff member's bound WeChat (review digests and
    /// reminders).</summary>
    public static Task<Results<Ok<Response>, ProblemHttpResult>> HandleForStaff(Request request, StaffContext staff,
        [AsParameters] NotificationServices services) =>
        RecordAsync(request, Recipients.Staff, staff.Id, services);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> RecordAsync(Request request,
        string recipientType, long id, NotificationServices services)
    {
        // The client sends at most 3 templates per call; the mini-program's result also carries "errMsg", which is
        // skipped.
        var results = (request.Results ?? []).Where(pair => pair.Key != "errMsg").ToList();
        if (results.Count is 0 or > 10) return Problems.Validation("results", "请提供1至10个订阅结果");
        if (results.Any(pair => pair.Key.Length is 0 or > 64 || !Answers.Contains(pair.Value)))
            return Problems.Validation("results", "订阅结果须为 accept、reject、ban 或 filter");

        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var openId = await db.ExecuteScalarAsync<string?>(Recipients.OpenIdSql(recipientType), new { Id = id });
        if (openId is null) return NotificationProblems.WeChatNotBoundCode.Problem();
        var now = services.UtcNow();
        foreach (var (templateId, answer) in results)
        {
            var key = new GrantKey(openId, templateId);
            if (answer == "accept")
                await SubscriptionGrants.AddAcceptAsync(db, key, SubscriptionGrants.Source.Client, now);
            else if (answer == "ban")
                await SubscriptionGrants.ClearAsync(db, key, now);
        }
        var templateIds = results.Select(r => r.Key).ToArray();
        var grants = await db.QueryAsync<Grant>(GrantsSql, new { openId, templateIds });
        return TypedResults.Ok(new Response(grants.ToList()));
    }
}
