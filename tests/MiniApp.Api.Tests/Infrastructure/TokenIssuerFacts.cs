using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MiniApp.Api.Infrastructure.Auth;

namespace MiniApp.Api.Tests.Infrastructure;

public sealed class TokenIssuerFacts
{
    private static readonly AuthOptions Options = new() { SigningKey = new string('k', 48) };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    private TokenIssuer Issuer => new(Microsoft.Extensions.Options.Options.Create(Options), _clock);

    [Fact]
    public void ForWorker_SignsAWorkerToken_ThatExpiresAfterTheWorkerLifetime()
    {
        var issued = Issuer.ForWorker(42);

        Assert.Equal(_clock.GetUtcNow().Add(Options.WorkerTokenLifetime), issued.ExpiresAt);
        var token = new JsonWebToken(issued.Token);
        Assert.Equal("42", token.Subject);
        Assert.Equal("worker", token.GetClaim("kind").Value);
        Assert.False(token.TryGetClaim("role", out _));
    }

    [Fact]
    public void ForStaff_CarriesRoleAndUnion()
    {
        var token = new JsonWebToken(Issuer.ForStaff(7, StaffRoles.UnionReviewer, 2).Token);

        Assert.Equal("staff", token.GetClaim("kind").Value);
        Assert.Equal("union_reviewer", token.GetClaim("role").Value);
        Assert.Equal("2", token.GetClaim("union_id").Value);
    }

    [Fact]
    public async Task Token_ValidatesWithTheConfiguredKey_AndNotWithAnother()
    {
        var issued = Issuer.ForWorker(1);
        var handler = new JsonWebTokenHandler();
        TokenValidationParameters Parameters(string key) => new()
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKey = TokenIssuer.KeyFrom(new AuthOptions { SigningKey = key }),
            ValidateLifetime = false,
        };

        Assert.True((await handler.ValidateTokenAsync(issued.Token, Parameters(Options.SigningKey))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(issued.Token, Parameters(new string('x', 48)))).IsValid);
    }
}
