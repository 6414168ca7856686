namespace MiniApp.WeChat.Sandbox;

/// <summary><c>POST /wxa/msg_sec_check</c>, version 2: a keyword list stands in for WeChat's content model.</summary>
internal static class SecurityCheckEndpoints
{
    private const int LabelNormal = 100;
    private const int LabelPolitics = 20001;
    private const int LabelOther = 21000;

    public static IEndpointRouteBuilder MapSecurityCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/wxa/msg_sec_check", Check)
            .WithFaults(SandboxApis.MsgSecCheck)
            .RequireAccessToken();
        return app;
    }

    private static async Task<IResult> Check(HttpRequest http, UserStore users, IOptions<SandboxOptions> options)
    {
        var request = await SandboxJson.TryReadAsync<Request>(http, SandboxJson.WeChat);

        // Version 1 (no version field) answers differently (87014 for bad text); the sandbox emulates only version 2.
        if (request is null || request.Version != 2)
        {
            return WeChatErrors.Error(WeChatErrors.DataFormatError,
                "data format error, sandbox emulates msg_sec_check version 2 only");
        }

        if (string.IsNullOrEmpty(request.Content))
        {
            return WeChatErrors.Error(WeChatErrors.EmptyContent);
        }

        if (request.Scene is not (>= 1 and <= 4))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidScene);
        }

        // WeChat wants a user seen in the last two hours; the sandbox accepts any openid it has seen.
        if (string.IsNullOrEmpty(request.OpenId) || !users.IsKnown(request.OpenId))
        {
            return WeChatErrors.Error(WeChatErrors.InvalidOpenId);
        }

        var settings = options.Value;
        var risky = settings.EffectiveRiskyWords.FirstOrDefault(request.Content.Contains);
        var review = risky is null ? settings.EffectiveReviewWords.FirstOrDefault(request.Content.Contains) : null;
        var (suggest, label, keyword) = (risky, review) switch
        {
            ({ } word, _) => ("risky", LabelPolitics, word),
            (_, { } word) => ("review", LabelOther, word),
            _ => ("pass", LabelNormal, (string?)null),
        };

        List<object> detail =
            [new { strategy = "content_model", errcode = 0, suggest, label, prob = keyword is null ? 0 : 90 }];
        if (keyword is not null)
        {
            detail.Add(new { strategy = "keyword", errcode = 0, suggest, label, level = 20, keyword });
        }

        return TypedResults.Json(
            new
            {
                errcode = 0, errmsg = "ok", trace_id = SandboxIds.NewTraceId(), result = new { suggest, label }, detail,
            },
            SandboxJson.WeChat);
    }

    private sealed record Request(
        [property: JsonPropertyName("version")] int? Version,
        [property: JsonPropertyName("openid")] string? OpenId,
        [property: JsonPropertyName("scene")] int? Scene,
        [property: JsonPropertyName("content")] string? Content);
}
