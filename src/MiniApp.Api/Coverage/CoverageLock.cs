namespace MiniApp.Api.Coverage;

/// <summary>
/// A named database lock, held by whoever computes figures, so two nodes running the jobs (or a job and a command)
/// never compute at once. Named after the database: several databases on one server do not block one another.
/// </summary>
public sealed class CoverageLock : IAsyncDisposable
{
    private const string Name = "LEFT(CONCAT('coverage-figures:', DATABASE()), 64)";

    private readonly DbConnection _connection;

    private CoverageLock(DbConnection connection) => _connection = connection;

    /// <summary>The lock, or null when another session still holds it after the wait.</summary>
    public static async Task<CoverageLock?> TryAcquireAsync(Db db, TimeSpan wait)
    {
        var seconds = (int)wait.TotalSeconds;
        var acquired = await db.WithTimeout(seconds + 30)
            .ExecuteScalarAsync<int?>($"SELECT GET_LOCK({Name}, @Seconds)", new { Seconds = seconds });
        return acquired == 1 ? new CoverageLock(db.Connection) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
            await _connection.ExecuteScalarAsync<int?>($"SELECT RELEASE_LOCK({Name})");
    }
}
