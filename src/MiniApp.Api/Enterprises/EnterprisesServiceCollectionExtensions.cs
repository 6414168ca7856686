using MiniApp.Api.Coverage;
using MiniApp.Api.Coverage.Bulletin;
using MiniApp.Api.Enterprises.Formation;

namespace MiniApp.Api.Enterprises;

public static class EnterprisesServiceCollectionExtensions
{
    /// <summary>The enterprise register, formation steps, survey data and the county's figures, with their jobs.</summary>
    public static IServiceCollection AddCampaignFigures(this IServiceCollection services)
    {
        services.AddScoped<FormationDeadlineReminderJob>();
        services.AddScoped<DepartmentDigestJob>();
        services.AddScoped<CoverageDays>();
        services.AddScoped<CoverageRefreshJob>();
        services.AddScoped<CoverageFreezeJob>();
        services.AddScoped<WeeklyBulletinJob>();
        return services;
    }
}
