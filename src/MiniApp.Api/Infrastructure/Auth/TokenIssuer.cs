using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MiniApp.Api.Infrastructure.Auth;

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs our own short-lived JWTs. WeChat's session_key never goes into one.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken ForWorker(long userId) =>
        Issue(options.Value.WorkerTokenLifetime,
            new Claim(AppClaims.Subject, userId.ToString()),
            new Claim(AppClaims.Kind, AppClaims.WorkerKind));

    public IssuedToken ForStaff(long staffId, string role, long unionId) =>
        Issue(options.Value.StaffTokenLifetime,
            new Claim(AppClaims.Subject, staffId.ToString()),
            new Claim(AppClaims.Kind, AppClaims.StaffKind),
            new Claim(AppClaims.Role, role),
            new Claim(AppClaims.UnionId, unionId.ToString()));

    internal static SymmetricSecurityKey KeyFrom(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey));

    private IssuedToken Issue(TimeSpan lifetime, params Claim[] claims)
    {
        var now = clock.GetUtcNow();
        var expires = now.Add(lifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyFrom(options.Value), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }
}
