using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace MiniApp.Api.Infrastructure.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IPasswordHasher<StaffPassword>, PasswordHasher<StaffPassword>>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<StaffLoginFailures>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = TokenIssuer.KeyFrom(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = AppClaims.Subject,
                    RoleClaimType = AppClaims.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Answer 401/403 as problem details with our codes instead of an empty body.
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await Problems.SessionExpired().ExecuteAsync(context.HttpContext);
                    },
                    OnForbidden = context => WriteProblem(context.HttpContext, ProblemCodes.Forbidden),
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Worker, policy => policy.RequireClaim(AppClaims.Kind, AppClaims.WorkerKind))
            .AddPolicy(Policies.Staff, policy => policy.RequireClaim(AppClaims.Kind, AppClaims.StaffKind))
            .AddPolicy(Policies.CountyAdmin, policy => policy
                .RequireClaim(AppClaims.Kind, AppClaims.StaffKind)
                .RequireClaim(AppClaims.Role, StaffRoles.CountyAdmin));
        return services;
    }

    private static Task WriteProblem(HttpContext context, ProblemCode code) => code.Problem().ExecuteAsync(context);
}

/// <summary>The type the password hasher is keyed on; staff passwords are hashed with Identity's PBKDF2 format.</summary>
public sealed class StaffPassword;
