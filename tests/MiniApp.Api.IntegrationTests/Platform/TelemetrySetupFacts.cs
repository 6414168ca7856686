using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>Traces and OTLP export only when a collector is configured; a wrong network stops the start.</summary>
[Collection(ApiCollection.Name)]
public sealed class TelemetrySetupFacts(ApiFixture api)
{
    [Fact]
    public void Traces_AreOff_WithoutAnOtlpEndpoint()
    {
        Assert.Null(api.Factory.Services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("Telemetry:OtlpEndpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task Traces_AreOn_WithAnOtlpEndpoint(string setting)
    {
        // Nothing listens there: the exporter gives up quietly, and the API serves on.
        var endpoint = $"http://127.0.0.1:{DatabaseOutageFacts.ClosedPort()}";
        await using var factory = api.CreateFactory(builder => builder.UseSetting(setting, endpoint));

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData("Telemetry:MetricsAllowedNetworks", "10.0.0.0/8, intranet")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317")]
    [InlineData("Telemetry:OtlpEndpoint", "otel collector")]
    public void Start_Fails_WhenATelemetrySettingIsMalformed(string setting, string value)
    {
        using var factory = api.CreateFactory(builder => builder.UseSetting(setting, value));

        var failure = Record.Exception(() => factory.Server);

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains(setting, validation.Message);
    }

    private static Exception? Unwrap(Exception? exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? Unwrap(aggregate.InnerException)
            : exception;
}
