using System.Text.Encodings.Web;
using MiniApp.Api.Applications;
using MiniApp.Api.Auth;
using MiniApp.Api.Coverage;
using MiniApp.Api.Coverage.Reports;
using MiniApp.Api.Enterprises;
using MiniApp.Api.Enterprises.Formation;
using MiniApp.Api.Infrastructure.Commands;
using MiniApp.Api.Infrastructure.Hangfire;
using MiniApp.Api.Infrastructure.Health;
using MiniApp.Api.Infrastructure.Http;
using MiniApp.Api.Infrastructure.Logging;
using MiniApp.Api.Infrastructure.OpenApi;
using MiniApp.Api.Infrastructure.RateLimiting;
using MiniApp.Api.Infrastructure.Redis;
using MiniApp.Api.Infrastructure.Spreadsheets;
using MiniApp.Api.Infrastructure.Telemetry;
using MiniApp.Api.Me;
using MiniApp.Api.Members;
using MiniApp.Api.Notifications;
using MiniApp.Api.ReferenceData;
using MiniApp.Api.Review;
using MiniApp.Api.StaffAccounts;
using MiniApp.Api.Stations;
using MiniApp.Api.Surveys;
using MiniApp.WeChat;

var builder = WebApplication.CreateBuilder(args);
var role = AppRoles.From(builder.Configuration);
builder.ConfigureApiKestrel();

builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services.TryAddTimeProvider();
builder.Services
    .AddApiProblemDetails()
    .AddValidation()
    .AddDatabase(builder.Configuration)
    .AddRedis(builder.Configuration)
    .AddPrivacy()
    .AddApiAuth()
    .AddApiHealthChecks()
    .AddApiOpenApi()
    .AddReferenceData();
builder.Services.AddWeChatClient();
builder.Services.AddMembers();
builder.Services.AddReview();
builder.Services.AddStations(builder.Configuration);
builder.Services.AddImports();
builder.Services.AddNotifications(builder.Configuration, role);
builder.Services.AddEnterprises();
builder.Services.AddCoverage();
builder.Services.AddApiRateLimiting(builder.Configuration);
builder.Services.AddApiTelemetry(builder.Configuration);

var app = builder.Build();

if (await AppCommands.TryRunAsync(app, args)) return;
if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
}

app.UseKnownProxies();
app.UseMiddleware<RequestIdMiddleware>();
app.UseSecurityHeaders(DashboardAccess.Path, "/docs");
app.UseRoleFilter(role);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestShapeLimits();
app.UseAuthentication();
app.UseAuthenticationBeforeMediaType();
app.UseAuthorization();
app.UseRateLimiter();
app.UseRequestBodyLimits();
app.UseJobsDashboard(role);

app.MapApiHealth();
app.MapApiMetrics();
app.MapApiOpenApi();
app.MapAuthEndpoints();
app.MapMeEndpoints();
app.MapReferenceDataEndpoints();
app.MapStationsEndpoints();
app.MapApplicationsEndpoints();
app.MapStaffApplicationsEndpoints();
app.MapStaffAccountsEndpoints();
app.MapNotificationsEndpoints();
app.MapEnterprisesEndpoints();
app.MapFormationEndpoints();
app.MapSurveysEndpoints();
app.MapCoverageReportsEndpoints();

app.Run();

public partial class Program;
