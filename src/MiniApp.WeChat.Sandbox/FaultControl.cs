namespace MiniApp.WeChat.Sandbox;

/// <summary>Control endpoints that bend the sandbox: injected faults and the clock.</summary>
internal static class FaultControl
{
    public static RouteGroupBuilder MapFaultControl(this RouteGroupBuilder group)
    {
        group.MapPost("/faults", AddFault);
        group.MapPost("/clock/advance", AdvanceClock);
        return group;
    }

    private static async Task<IResult> AddFault(HttpRequest http, FaultStore faults)
    {
        var request = await ControlInput.ReadAsync<FaultRequest>(http);
        if (request is null)
        {
            return ControlInput.BadRequest(
                "expected {\"api\", \"errcode\"?, \"httpStatus\"?, \"delayMs\"?, \"times\"?}");
        }

        if (request.Api is null || !SandboxApis.All.Contains(request.Api))
        {
            return ControlInput.BadRequest($"api must be one of: {string.Join(", ", SandboxApis.All)}");
        }

        var error = request switch
        {
            { Errcode: not null, HttpStatus: not null } => "give errcode or httpStatus, not both",
            { Errcode: 0 } => "errcode 0 is success, not a fault",
            { HttpStatus: < 200 or > 599 } => "httpStatus must be 200-599",
            { DelayMs: < 0 or > 120_000 } => "delayMs must be 0-120000",
            { Times: < 1 or > 10_000 } => "times must be 1-10000",
            { Errcode: null, HttpStatus: null, DelayMs: null or 0 } =>
                "give at least one of errcode, httpStatus, delayMs",
            _ => null,
        };
        if (error is not null)
        {
            return ControlInput.BadRequest(error);
        }

        var times = request.Times ?? 1;
        faults.Add(request.Api, new Fault(request.Errcode, request.HttpStatus, request.DelayMs ?? 0), times);
        return TypedResults.Ok(new FaultResponse(request.Api, times));
    }

    private static async Task<IResult> AdvanceClock(HttpRequest http, SandboxClock clock)
    {
        var request = await ControlInput.ReadAsync<ClockRequest>(http);
        if (request?.Seconds is not (>= 0 and <= 10 * 365 * 24 * 3600))
        {
            return ControlInput.BadRequest(
                "expected {\"seconds\"} between 0 and ten years; the clock only moves forward");
        }

        clock.Advance(TimeSpan.FromSeconds(request.Seconds.Value));
        return TypedResults.Ok(new ClockResponse(clock.UtcNow));
    }

    private sealed record FaultRequest(string? Api, int? Errcode, int? HttpStatus, int? DelayMs, int? Times);

    private sealed record FaultResponse(string Api, int Times);

    private sealed record ClockRequest(double? Seconds);

    private sealed record ClockResponse(DateTimeOffset Now);
}
