namespace MiniApp.Api.Notifications;

/// <summary>What the notification handlers share, bound with [AsParameters]: the database, the clock and the
/// request's cancellation.</summary>
public sealed record NotificationServices(
    MySqlDataSource DataSource,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;
}
