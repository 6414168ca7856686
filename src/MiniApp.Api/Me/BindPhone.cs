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

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal principal,
        IWeChatClient wechat, IOptions<WeChatOptions> wechatOptions, MySqlDataSource dataSource, FieldProtector protector,
        CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<(string OpenId, string? SessionKey)?>(new CommandDefinition(
            "SELECT openid, session_key FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
        if (user is null) return Problems.SessionExpired();

        string rawPhone;
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            try
            {
                rawPhone = (await wechat.GetUserPhoneNumberAsync(request.Code.Trim(), user.Value.OpenId, cancellationToken)).PurePhoneNumber;
            }
            catch (WeChatApiException exception) when (exception.IsInvalidCode)
            {
                return ProblemCodes.WeChatCodeInvalid.Problem("手机号授权已失效，请重新授权");
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.EncryptedData) && !string.IsNullOrWhiteSpace(request.Iv))
        {
            if (user.Value.SessionKey is null) return ProblemCodes.WeChatCodeInvalid.Problem("登录状态已失效，请重新登录后再授权");
            try
            {
                var sessionKey = protector.Unseal(user.Value.SessionKey, WeChatLogin.SessionKeyPurpose);
                rawPhone = WeChatOpenData.DecryptPhoneNumber(request.EncryptedData, request.Iv, sessionKey, wechatOptions.Value.AppId).PurePhoneNumber;
            }
            catch (Exception exception) when (exception is WeChatDataException or CryptographicException or FormatException)
            {
                // Usually a session_key rotated by a newer wx.login: log in again, then ask for the phone again.
                return ProblemCodes.PhoneDataInvalid.Problem();
            }
        }
        else
        {
            return Problems.Validation("code", "请提供手机号授权凭证");
        }

        if (!MainlandMobile.TryNormalize(rawPhone, out var phone, out var error)) return Problems.Validation("phone", error);
        var stored = ProtectedValue.Phone(protector, phone);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET phone_sealed = @Sealed, phone_hash = @Hash, phone_masked = @Masked WHERE id = @userId",
            new { stored.Sealed, stored.Hash, stored.Masked, userId }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Response(stored.Masked));
    }
}
