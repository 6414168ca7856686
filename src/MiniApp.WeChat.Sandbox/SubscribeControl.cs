namespace MiniApp.WeChat.Sandbox;

/// <summary>Control endpoints for subscribe messages: grant what wx.requestSubscribeMessage would, and read what was
/// sent.</summary>
internal static class SubscribeControl
{
    public static RouteGroupBuilder MapSubscribeControl(this RouteGroupBuilder group)
    {
        group.MapPost("/subscribe-grants", AddGrants);
        group.MapGet("/sent-messages",
            (string? openid, SubscriptionStore subscriptions) => TypedResults.Ok(subscriptions.Sent(openid)));
        return group;
    }

    /// <summary>Each grant is one "accept" in wx.requestSubscribeMessage, worth exactly one send.</summary>
    private static async Task<IResult> AddGrants(HttpRequest http, UserStore users, SubscriptionStore subscriptions)
    {
        var request = await ControlInput.ReadAsync<GrantRequest>(http);
        if (request is null || !ControlInput.IsId(request.Openid) || !ControlInput.IsId(request.TemplateId)
            || request.Count is not (>= 1 and <= 10_000))
        {
            return ControlInput.BadRequest("expected {\"openid\", \"templateId\", \"count\": 1-10000}");
        }

        // A user who accepted a subscription has opened the mini-program, so subscribe/send knows the openid from now
        // on.
        users.MarkKnown(request.Openid);
        var remaining = subscriptions.AddGrants(request.Openid, request.TemplateId, request.Count.Value);
        return TypedResults.Ok(new GrantResponse(request.Openid, request.TemplateId, remaining));
    }

    private sealed record GrantRequest(string? Openid, string? TemplateId, int? Count);

    private sealed record GrantResponse(string Openid, string TemplateId, int Remaining);
}
