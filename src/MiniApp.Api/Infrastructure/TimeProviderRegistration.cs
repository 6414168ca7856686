using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MiniApp.Api.Infrastructure;

public static class TimeProviderRegistration
{
    /// <summary>The clock every handler takes; tests replace it with a FakeTimeProvider.</summary>
    public static IServiceCollection TryAddTimeProvider(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
