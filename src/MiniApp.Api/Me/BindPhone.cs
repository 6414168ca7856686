using System.Security.Cryptography;
using MiniApp.Api.Applications;
using MiniApp.Api.Auth;
using MiniApp.WeChat;

namespace MiniApp.Api.Me;

/// <summary>
/// POST /api/me/phone: binds the worker's phone from WeChat, either with the code of the phone-number button
/// (getuserphonenumber) or with the older encryptedData + iv, opened with the session_key kept from login.
/// </summary>
public static class BindPhone
{
    public sealed record Request(string? Code, string? EncryptedData, string? Iv);

    public sealed record Response(string PhoneMasked);

    /// <summary>What binding a phone takes, bound with [AsParameters].</summary>
    public sealed record Services(
        IWeChatClient WeChat,
        IOptions<WeChatOptions> WeChatOptions,
        MySqlDataSource DataSource,
        FieldProtector Protector,
        CancellationToken Cancellation);

    private const string UserSql = "SELECT openid, session_key FROM users WHERE id = @userId";

    private const string BindSql =
        "UPDATE users SET phone_sealed = @Sealed, phone_hash = @Hash, phone_masked = @Masked WHERE id = @userId";

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request,
        ClaimsPrincipal principal, [AsParameters] Services services)
    {
        var userId = principal.UserId();
        await using var connection = await services.DataSource.OpenConnectionAsync(services.Cancellation);
        var db = connection.Db(services.Cancellation);
        var user = await db.QuerySingleOrDefaultAsync<(string OpenId, string? SessionKey)?>(UserSql, new { userId });
        if (user is null) return Problems.SessionExpired();

        string rawPhone;
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            try
            {
                var number = await services.WeChat.GetUserPhoneNumberAsync(request.Code.Trim(), user.Value.OpenId,
                    services.Cancellation);
                rawPhone = number.PurePhoneNumber;
            }
            catch (WeChatApiException exception) when (exception.IsInvalidCode)
            {
                return ProblemCodes.WeChatCodeInvalid.Problem("手机号授权已失效，请重新授权");
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.EncryptedData) && !string.IsNullOrWhiteSpace(request.Iv))
        {
            if (user.Value.SessionKey is null)
                return ProblemCodes.WeChatCodeInvalid.Problem("登录状态已失效，请重新登录后再授权");
            try
            {
                var sessionKey = services.Protector.Unseal(user.Value.SessionKey, WeChatLogin.SessionKeyPurpose);
                rawPhone = WeChatOpenData.DecryptPhoneNumber(request.EncryptedData, request.Iv, sessionKey,
                    services.WeChatOptions.Value.AppId).PurePhoneNumber;
            }
            catch (Exception exception)
                when (exception is WeChatDataException or CryptographicException or FormatException)
            {
                // Usually a session_key rotated by a newer wx.login: log in again, then ask for the phone again.
                return ProblemCodes.PhoneDataInvalid.Problem();
            }
        }
        else
        {
            return Problems.Validation("code", "请提供手机号授权凭证");
        }

        if (!MainlandMobile.TryNormalize(rawPhone, out var phone, out var error))
            return Problems.Validation("phone", error);
        var stored = ProtectedValue.Phone(services.Protector, phone);
        await db.ExecuteAsync(BindSql, new { stored.Sealed, stored.Hash, stored.Masked, userId });
        return TypedResults.Ok(new Response(stored.Masked));
    }
}
