namespace MiniApp.Api.Enterprises;

/// <summary>What the register and formation handlers share, bound with [AsParameters]: the database, the protector of
/// the contact phone, the clock and the request's cancellation.</summary>
public sealed record EnterpriseServices(
    MySqlDataSource DataSource,
    FieldProtector Protector,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public ValueTask<MySqlConnection> OpenAsync() => DataSource.OpenConnectionAsync(Cancellation);

    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in China, the date staff work by.</summary>
    public DateOnly Today() => ChinaTime.Today(Clock);
}
