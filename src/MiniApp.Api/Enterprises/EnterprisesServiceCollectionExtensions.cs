using MiniApp.Api.Enterprises.Formation;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// The enterprise register and its formation steps: who has an enterprise scope, and the reminder jobs.
/// </summary>
public static class EnterprisesServiceCollectionExtensions
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddStaffPolicy(EnterpriseScope.Policy, EnterpriseScope.Has, EnterpriseScope.ForbiddenDetail);
        services.AddScoped<FormationDeadlineReminderJob>();
        services.AddScoped<DepartmentDigestJob>();
        return services;
    }
}
