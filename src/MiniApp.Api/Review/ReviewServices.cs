namespace MiniApp.Api.Review;

/// <summary>What the review handlers share, bound with [AsParameters]: the database, the clock and the request's
/// cancellation.</summary>
public sealed record ReviewServices(MySqlDataSource DataSource, TimeProvider Clock, CancellationToken Cancellation)
{
    public ValueTask<MySqlConnection> OpenAsync() => DataSource.OpenConnectionAsync(Cancellation);

    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;
}
