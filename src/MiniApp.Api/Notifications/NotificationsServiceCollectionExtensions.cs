using MiniApp.Api.Infrastructure.Hangfire;
using MiniApp.Api.Notifications.Dispatch;
using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Notifications, reminders and the Hangfire wiring that runs them.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration,
        AppRole role)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DashboardTokens>();
        services.AddScoped<DeliveryAttempt>();
        services.AddScoped<OutboxDispatchJob>();
        services.AddScoped<ReviewDigestJob>();
        services.AddScoped<SlaReminderJob>();
        services.AddScoped<InfoReminderJob>();
        services.AddSingleton<WorkingCalendar>();
        services.AddScoped<Push.PushEventHandler>();
        services.AddJobs(configuration, role);
        return services;
    }
}
