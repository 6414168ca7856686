namespace MiniApp.WeChat.Sandbox;

/// <summary><c>POST /cgi-bin/message/subscribe/send</c> (subscribeMessage.send).</summary>
internal static class SubscribeEndpoints
{
    public static IEndpointRouteBuilder MapSubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cgi-bin/message/subscribe/send", Send)
            .WithFaults(SandboxApis.SubscribeSend)
            .RequireAccessToken();
        return app;
    }

    private static async Task<IResult> Send(HttpRequest http, UserStore users, SubscriptionStore subscriptions,
        SandboxClock clock)
    {
        var request = await SandboxJson.TryReadAsync<Request>(http, SandboxJson.WeChat);
        if (request is null)
        {
            return WeChatErrors.Error(WeChatErrors.DataFormatError);
        }

        if (string.IsNullOrEmpty(request.ToUser) || !users.IsKnown(request.ToUser))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidOpenId);
        }

        if (string.IsNullOrEmpty(request.TemplateId))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidTemplateId);
        }

        if (request.Data is not { Count: > 0 })
        {
            return WeChatErrors.Error(WeChatErrors.ArgumentInvalid, "argument invalid! data is empty");
        }

        var data = request.Data.ToDictionary(pair => pair.Key, pair => pair.Value?.Value);
        if (SubscribeDataRules.FirstInvalidKey(data) is { } invalidKey)
        {
            // Checked before the grant, so a rejected message does not use up the user's subscription.
            return WeChatErrors.Error(WeChatErrors.ArgumentInvalid,
                $"argument invalid! data.{invalidKey}.value invalid");
        }

        var values = data.ToDictionary(pair => pair.Key, pair => pair.Value!);
        var msgid = subscriptions.TrySend(
            id => new SentMessage(id, request.ToUser, request.TemplateId, request.Page, values,
                request.MiniprogramState, request.Lang, clock.UtcNow),
            request.ToUser,
            request.TemplateId);

        return msgid is { } sent
            ? TypedResults.Json(new { errcode = 0, errmsg = "ok", msgid = sent }, SandboxJson.WeChat)
            : WeChatErrors.Error(WeChatErrors.UserRefused);
    }

    private sealed record Request(
        [property: JsonPropertyName("touser")] string? ToUser,
        [property: JsonPropertyName("template_id")] string? TemplateId,
        [property: JsonPropertyName("page")] string? Page,
        [property: JsonPropertyName("data")] Dictionary<string, DataValue?>? Data,
        [property: JsonPropertyName("miniprogram_state")] string? MiniprogramState,
        [property: JsonPropertyName("lang")] string? Lang);

    private sealed record DataValue([property: JsonPropertyName("value")] string? Value);
}
