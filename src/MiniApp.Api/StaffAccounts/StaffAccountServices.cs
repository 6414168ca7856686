using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.StaffAccounts;

/// <summary>What the staff-account handlers share, bound with [AsParameters]: the database, the password hasher, the
/// clock and the request's cancellation.</summary>
public sealed record StaffAccountServices(
    MySqlDataSource DataSource,
    IPasswordHasher<StaffPassword> Hasher,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public ValueTask<MySqlConnection> OpenAsync() => DataSource.OpenConnectionAsync(Cancellation);

    public string Hash(string password) => Hasher.HashPassword(new StaffPassword(), password);

    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;
}
