using MiniApp.Api.Infrastructure.Hangfire;

namespace MiniApp.Api.Stations;

/// <summary>The stations feature: options, the in-memory index, QR codes and who may edit.</summary>
public static class StationsServiceCollectionExtensions
{
    public static IServiceCollection AddStations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StationsOptions>().BindConfiguration(StationsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.IndexRefreshInterval > TimeSpan.Zero && o.IndexFullReloadInterval > TimeSpan.Zero,
                "Stations:IndexRefreshInterval and Stations:IndexFullReloadInterval must be positive")
            .ValidateOnStart();
        services.AddSingleton<FacilityCatalog>();
        services.AddSingleton<StationIndex>();
        services.AddSingleton<StationQrCodes>();
        services.AddStaffPolicy(StationAccess.EditPolicy, StationAccess.CanEdit, "没有权限维护站点信息");
        // Only nodes that answer HTTP search; a worker node never loads the stations into memory.
        if (AppRoles.From(configuration).ServesApi()) services.AddHostedService<StationIndexRefresher>();
        return services;
    }
}
