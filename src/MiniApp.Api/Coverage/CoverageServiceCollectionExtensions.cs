using MiniApp.Api.Coverage.Bulletin;

namespace MiniApp.Api.Coverage;

/// <summary>
/// The county's coverage figures: the daily rows, their refresh and freeze jobs, and the weekly bulletin.
/// </summary>
public static class CoverageServiceCollectionExtensions
{
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddScoped<CoverageDays>();
        services.AddScoped<CoverageRefreshJob>();
        services.AddScoped<CoverageFreezeJob>();
        services.AddScoped<WeeklyBulletinJob>();
        return services;
    }
}
