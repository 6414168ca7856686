using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Telemetry;

public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OTLP/gRPC collector (http://collector:4317) to send traces and metrics to. Empty: the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT (with OTEL_EXPORTER_OTLP_PROTOCOL and the rest) if set, else nothing is sent.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Addresses or networks (comma-separated) that may read /metrics; a value replaces the default.</summary>
    [Required]
    public string MetricsAllowedNetworks { get; set; } = "127.0.0.0/8, ::1/128";

    /// <summary>How long a read of the outbox and application figures serves the gauges.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FiguresCacheDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest a read of those figures may take; a scrape waits no longer for them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:30")]
    public TimeSpan FiguresReadTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The endpoint as an http or https URL, or null.</summary>
    public static Uri? OtlpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && OtlpUri(OtlpEndpoint) is null)
            yield return new ValidationResult("Telemetry:OtlpEndpoint is not an http(s) URL.", [nameof(OtlpEndpoint)]);
        if (!MetricsAccess.TryParse(MetricsAllowedNetworks, out _, out var wrong))
        {
            yield return new ValidationResult(
                $"Telemetry:MetricsAllowedNetworks has an entry that is neither an address nor a network: '{wrong}'.",
                [nameof(MetricsAllowedNetworks)]);
        }
    }
}
