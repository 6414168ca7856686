using Microsoft.AspNetCore.Mvc;

namespace MiniApp.WeChat.Sandbox;

/// <summary>Routes under <c>/__sandbox</c> that tests and scripts use to drive the emulator, plus <c>/</c> and
/// <c>/health</c>.</summary>
internal static class ControlEndpoints
{
    private static readonly string[] WeChatApis =
    [
        "GET  /sns/jscode2session?appid=&secret=&js_code=&grant_type=authorization_code",
        "POST /cgi-bin/stable_token",
        "POST /wxa/business/getuserphonenumber?access_token=",
        "POST /cgi-bin/message/subscribe/send?access_token=",
        "POST /wxa/getwxacodeunlimit?access_token=",
        "POST /wxa/msg_sec_check?access_token=",
    ];

    private static readonly string[] ControlApis =
    [
        "POST /__sandbox/login-codes      {openid?, unionid?, sessionKey?} -> {code, openid, sessionKey}",
        "POST /__sandbox/phone-codes      {openid, phoneNumber} -> {code}",
        "POST /__sandbox/phone-data       {openid, phoneNumber} -> {encryptedData, iv}",
        "POST /__sandbox/subscribe-grants {openid, templateId, count} -> {openid, templateId, remaining}",
        "GET  /__sandbox/sent-messages?openid=",
        "POST /__sandbox/faults           {api, errcode?, httpStatus?, delayMs?, times?} -> {api, times}",
        "POST /__sandbox/clock/advance    {seconds} -> {now}",
        "POST /__sandbox/reset",
    ];

    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IOptions<SandboxOptions> options) => TypedResults.Ok(new
        {
            name = "WeChat mini-program API sandbox",
            appId = options.Value.AppId,
            faultApis = SandboxApis.All,
            wechatApis = WeChatApis,
            controlApis = ControlApis,
        }));
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));

        var group = app.MapGroup("/__sandbox");
        group.MapUserControl();
        group.MapSubscribeControl();
        group.MapFaultControl();
        group.MapPost("/reset", ([FromServices] IEnumerable<ISandboxStore> stores) =>
        {
            foreach (var store in stores)
            {
                store.Reset();
            }

            return TypedResults.NoContent();
        });
        return app;
    }
}
