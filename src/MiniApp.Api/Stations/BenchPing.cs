namespace MiniApp.Api.Stations;

/// <summary>
/// GET /bench/ping: the bare JSON endpoint scripts/bench.sh measures as the ceiling of this process (same middleware,
/// same serializer). Mapped only when Bench:Enabled is true, never in a normal run, and absent from the API contract.
/// </summary>
public static class BenchPing
{
    public sealed record Pong(bool Ok);

    public static void MapIfEnabled(IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Bench:Enabled")) return;
        app.MapGet("/bench/ping", () => TypedResults.Ok(new Pong(true))).AllowAnonymous().ExcludeFromDescription();
    }
}
