namespace MiniApp.WeChat.Sandbox;

/// <summary>Control endpoints that stand in for the mini-program: wx.login and the getPhoneNumber button.</summary>
internal static class UserControl
{
    public static RouteGroupBuilder MapUserControl(this RouteGroupBuilder group)
    {
        group.MapPost("/login-codes", IssueLoginCode);
        group.MapPost("/phone-codes", IssuePhoneCode);
        group.MapPost("/phone-data", EncryptPhoneData);
        return group;
    }

    private static async Task<IResult> IssueLoginCode(HttpRequest http, UserStore users)
    {
        var request = await ControlInput.ReadAsync(http, whenEmpty: new LoginCodeRequest(null, null, null));
        if (request is null
            || (request.Openid is not null && !ControlInput.IsId(request.Openid))
            || (request.Unionid is not null && !ControlInput.IsId(request.Unionid)))
        {
            return ControlInput.BadRequest("expected {\"openid\"?, \"unionid\"?, \"sessionKey\"?}");
        }

        if (request.SessionKey is not null && !ControlInput.IsSessionKey(request.SessionKey))
        {
            return ControlInput.BadRequest("sessionKey must be 16 bytes in base64");
        }

        var (code, session) = users.IssueLoginCode(request.Openid, request.Unionid, request.SessionKey);
        return TypedResults.Ok(new LoginCodeResponse(code, session.OpenId, session.SessionKey));
    }

    private static async Task<IResult> IssuePhoneCode(HttpRequest http, PhoneCodeStore codes)
    {
        var request = await ControlInput.ReadAsync<PhoneRequest>(http);
        if (request is null || !ControlInput.IsId(request.Openid) || !ControlInput.IsPhoneNumber(request.PhoneNumber))
        {
            return ControlInput.BadRequest("expected {\"openid\", \"phoneNumber\"} with a phone number of 5-20 digits");
        }

        return TypedResults.Ok(new PhoneCodeResponse(codes.Issue(request.Openid, request.PhoneNumber)));
    }

    private static async Task<IResult> EncryptPhoneData(
        HttpRequest http, UserStore users, SandboxClock clock, IOptions<SandboxOptions> options)
    {
        var request = await ControlInput.ReadAsync<PhoneRequest>(http);
        if (request is null || !ControlInput.IsId(request.Openid) || !ControlInput.IsPhoneNumber(request.PhoneNumber))
        {
            return ControlInput.BadRequest("expected {\"openid\", \"phoneNumber\"} with a phone number of 5-20 digits");
        }

        if (users.CurrentSession(request.Openid) is not { } session)
        {
            return TypedResults.NotFound(new ControlError("no session for this openid; create a login code first"));
        }

        var payload = PhoneInfo.Create(request.PhoneNumber, clock.UnixSeconds, options.Value.AppId);
        var (encryptedData, iv) = PhoneDataCipher.Encrypt(payload, session.SessionKey);
        return TypedResults.Ok(new PhoneDataResponse(encryptedData, iv));
    }

    private sealed record LoginCodeRequest(string? Openid, string? Unionid, string? SessionKey);

    private sealed record LoginCodeResponse(string Code, string Openid, string SessionKey);

    private sealed record PhoneRequest(string? Openid, string? PhoneNumber);

    private sealed record PhoneCodeResponse(string Code);

    private sealed record PhoneDataResponse(string EncryptedData, string Iv);
}
