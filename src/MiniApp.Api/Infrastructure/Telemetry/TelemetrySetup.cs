using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MiniApp.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for the API and the jobs: metrics of ASP.NET Core, the HTTP clients (WeChat), MySqlConnector, the
/// runtime and our own meter, scraped at /metrics in Prometheus text; traces of the same, and OTLP export of both,
/// only when an OTLP endpoint is configured. The instrumentation writes URL queries as "Redacted", so neither
/// WeChat's access_token nor a searched location leaves the process.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    private const string ServiceName = "miniapp-api";

    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApiMetrics>();
        services.AddSingleton<OperationalFigures>();
        // Our meter through the host's metrics builder and for this host's meter factory only: several hosts in one
        // process (the tests) then never report one another's gauges.
        services.AddMetrics(metrics =>
            metrics.EnableMetrics(ApiMetrics.MeterName, instrumentName: null, "OpenTelemetry", MeterScope.Local));

        var otlp = OtlpEndpoint(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName).AddEnvironmentVariableDetector())
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("MySqlConnector")
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp.Enabled) metrics.AddOtlpExporter(exporter => Configure(exporter, otlp.Endpoint));
            });
        if (otlp.Enabled)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsPlumbing(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource("MySqlConnector")
                .AddOtlpExporter(exporter => Configure(exporter, otlp.Endpoint)));
        }
        return services;
    }

    /// <summary>/metrics in Prometheus text, for the networks of Telemetry:MetricsAllowedNetworks only.</summary>
    public static WebApplication MapApiMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        MetricsAccess.TryParse(options.MetricsAllowedNetworks, out var networks, out _);
        var figures = app.Services.GetRequiredService<OperationalFigures>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(GateAsync), optionsName: null)
            .DisableHttpMetrics();
        return app;

        async Task GateAsync(HttpContext context, RequestDelegate next)
        {
            if (!MetricsAccess.Allows(context, networks))
            {
                await ProblemCodes.Forbidden.Problem("无权读取监控指标").ExecuteAsync(context);
                return;
            }
            await figures.RefreshForScrapeAsync(context.RequestAborted);
            await next(context);
        }
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");

    private static (bool Enabled, Uri? Endpoint) OtlpEndpoint(IConfiguration configuration)
    {
        var ours = configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        if (TelemetryOptions.OtlpUri(ours) is { } endpoint) return (true, endpoint);
        return (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]), null);
    }

    /// <summary>Ours is a gRPC endpoint; without it the exporter reads the standard OTEL_EXPORTER_OTLP_*.</summary>
    private static void Configure(OtlpExporterOptions exporter, Uri? endpoint)
    {
        if (endpoint is null) return;
        exporter.Endpoint = endpoint;
        exporter.Protocol = OtlpExportProtocol.Grpc;
    }
}
