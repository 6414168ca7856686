namespace MiniApp.WeChat.Sandbox;

/// <summary>Endpoint filter that plays the next armed fault for an API before the real handler runs.</summary>
internal sealed class FaultInjection(string api) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var fault = http.RequestServices.GetRequiredService<FaultStore>().TryTake(api);
        if (fault is null)
        {
            return await next(context);
        }

        http.RequestServices.GetRequiredService<ILogger<FaultInjection>>()
            .LogInformation("Injecting fault into {Api}: errcode {Errcode}, status {Status}, delay {DelayMs} ms",
                api, fault.Errcode, fault.HttpStatus, fault.DelayMs);

        if (fault.DelayMs > 0)
        {
            try
            {
                // Real time, not the sandbox clock: the delay exists to trip the caller's real HTTP timeout.
                await Task.Delay(fault.DelayMs, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The caller gave up, which is what the delay was for; nobody is left to answer.
                return Results.Empty;
            }
        }

        if (fault.HttpStatus is { } status)
        {
            return TypedResults.StatusCode(status);
        }

        return fault.Errcode is { } errcode ? WeChatErrors.Error(errcode) : await next(context);
    }
}

internal static class FaultInjectionExtensions
{
    /// <summary>Fault injection runs first (outermost), so a fault fires even for a call that would fail
    /// validation.</summary>
    public static RouteHandlerBuilder WithFaults(this RouteHandlerBuilder builder, string api) =>
        builder.AddEndpointFilter(new FaultInjection(api));
}
