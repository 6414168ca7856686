using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace MiniApp.Api.Infrastructure.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(
            AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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

        services.AddSingleton<IAuthorizationHandler, CurrentStaffHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffProblemResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Worker, policy => policy.RequireClaim(AppClaims.Kind, AppClaims.WorkerKind))
            .AddPolicy(Policies.Staff, policy => policy.RequireCurrentStaff(null, ForbiddenDetail))
            .AddPolicy(Policies.CountyAdmin, policy => policy
                .RequireClaim(AppClaims.Role, StaffRoles.CountyAdmin)
                .RequireCurrentStaff(staff => staff.IsCountyAdmin, ForbiddenDetail));
        return services;
    }

    private const string ForbiddenDetail = "没有权限执行此操作";

    /// <summary>
    /// A named staff policy: a staff token whose account is still current and which <paramref name="allows"/> accepts
    /// (every staff member when null); otherwise 403 with <paramref name="forbiddenDetail"/>.
    /// </summary>
    public static IServiceCollection AddStaffPolicy(this IServiceCollection services, string name,
        Func<StaffContext, bool>? allows, string forbiddenDetail)
    {
        services.AddAuthorizationBuilder().AddPolicy(name,
            policy => policy.RequireCurrentStaff(allows, forbiddenDetail));
        return services;
    }

    public static AuthorizationPolicyBuilder RequireCurrentStaff(this AuthorizationPolicyBuilder policy,
        Func<StaffContext, bool>? allows, string forbiddenDetail) =>
        policy.RequireClaim(AppClaims.Kind, AppClaims.StaffKind)
            .AddRequirements(new CurrentStaffRequirement(allows, forbiddenDetail));

    private static Task WriteProblem(HttpContext context, ProblemCode code) => code.Problem().ExecuteAsync(context);
}

/// <summary>
/// The type the password hasher is keyed on; staff passwords are hashed with Identity's PBKDF2 format.
/// </summary>
public sealed class StaffPassword;
