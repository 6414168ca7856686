namespace MiniApp.WeChat.Sandbox;

/// <summary><c>POST /wxa/business/getuserphonenumber</c> (the phone-number quick verification component).</summary>
internal static class PhoneEndpoints
{
    public static IEndpointRouteBuilder MapPhoneEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/wxa/business/getuserphonenumber", GetUserPhoneNumber)
            .WithFaults(SandboxApis.GetUserPhoneNumber)
            .RequireAccessToken();
        return app;
    }

    private static async Task<IResult> GetUserPhoneNumber(
        HttpRequest http, PhoneCodeStore codes, SandboxClock clock, IOptions<SandboxOptions> options)
    {
        var request = await SandboxJson.TryReadAsync<Request>(http, SandboxJson.WeChat);
        if (request is null)
        {
            return WeChatErrors.Error(WeChatErrors.DataFormatError);
        }

        // A code issued to another openid also gets 40029: WeChat documents the openid check but not its errcode.
        var openId = string.IsNullOrEmpty(request.OpenId) ? null : request.OpenId;
        var phoneNumber = string.IsNullOrEmpty(request.Code) ? null : codes.Redeem(request.Code, openId);
        if (phoneNumber is null)
        {
            return WeChatErrors.Error(WeChatErrors.InvalidCode);
        }

        return TypedResults.Json(
            new
            {
                errcode = 0,
                errmsg = "ok",
                phone_info = PhoneInfo.Create(phoneNumber, clock.UnixSeconds, options.Value.AppId),
            },
            SandboxJson.WeChat);
    }

    private sealed record Request(
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("openid")] string? OpenId);
}

/// <summary>The phone payload shared by getuserphonenumber and the legacy encrypted getPhoneNumber data.</summary>
internal static class PhoneInfo
{
    // countryCode is the string "86" (WeChat documents a number, users report a string: clients must accept both).
    public static object Create(string phoneNumber, long timestamp, string appId) => new
    {
        phoneNumber,
        purePhoneNumber = phoneNumber,
        countryCode = "86",
        watermark = new { timestamp, appid = appId },
    };
}
