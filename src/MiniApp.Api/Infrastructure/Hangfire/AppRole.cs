using MiniApp.Api.Infrastructure.Telemetry;

namespace MiniApp.Api.Infrastructure.Hangfire;

/// <summary>
/// What this process does, from <c>--role api|worker|all</c> (configuration key Role; default all). api serves HTTP and
/// enqueues jobs; worker runs the Hangfire server and answers only /health and /metrics; all does both, for a single
/// machine.
/// </summary>
public enum AppRole { All, Api, Worker }

public static class AppRoles
{
    public static AppRole From(IConfiguration configuration) =>
        (configuration["Role"] ?? "all").Trim().ToLowerInvariant() switch
        {
            "all" or "" => AppRole.All,
            "api" => AppRole.Api,
            "worker" => AppRole.Worker,
            var other => throw new ArgumentException($"Unknown --role '{other}'. Known: api, worker, all."),
        };

    public static bool ServesApi(this AppRole role) => role != AppRole.Worker;

    public static bool RunsJobs(this AppRole role) => role != AppRole.Api;

    /// <summary>
    /// A worker node keeps /health for its orchestrator and /metrics (its jobs' figures) for the scraper, and answers
    /// 404 to everything else.
    /// </summary>
    public static WebApplication UseRoleFilter(this WebApplication app, AppRole role)
    {
        if (role.ServesApi()) return app;
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health")
                || context.Request.Path.StartsWithSegments(TelemetrySetup.MetricsPath)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }
}
