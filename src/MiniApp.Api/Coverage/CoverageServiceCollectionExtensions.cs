using MiniApp.Api.Coverage.Bulletin;
using MiniApp.Api.Coverage.Reports;

namespace MiniApp.Api.Coverage;

/// <summary>
/// The county's coverage figures: the daily rows, their refresh and freeze jobs, the weekly bulletin, and who may read
/// the figures (the report scope policy, also used by the survey endpoints).
/// </summary>
public static class CoverageServiceCollectionExtensions
{
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddScoped<CoverageDays>();
        services.AddScoped<CoverageRefreshJob>();
        services.AddScoped<CoverageFreezeJob>();
        services.AddScoped<WeeklyBulletinJob>();
        services.AddStaffPolicy(ReportScope.Policy, ReportScope.Has, ReportScope.ForbiddenDetail);
        return services;
    }
}
