namespace MiniApp.Api.Coverage;

/// <summary>
/// A named database lock, held by whoever computes figures, so two nodes running the jobs (or a job and a command) never
/// compute at once. Named after the database: several databases on one server do not block one another.
/// </summary>
public sealed class CoverageLock : IAsyncDisposable
{
    private const string Name = "LEFT(CONCAT('coverage-figures:', DATABASE()), 64)";

    private readonly MySqlConnection _connection;

    private CoverageLock(MySqlConnection connection) => _connection = connection;

    /// <summary>The lock, or null when another session still holds it after the wait.</summary>
    public static async Task<CoverageLock?> TryAcquireAsync(MySqlConnection connection, TimeSpan wait, CancellationToken cancellationToken)
    {
        var acquired = await connection.ExecuteScalarAsync<int?>(new CommandDefinition($"SELECT GET_LOCK({Name}, @Seconds)",
            new { Seconds = (int)wait.TotalSeconds }, commandTimeout: (int)wait.TotalSeconds + 30, cancellationToken: cancellationToken));
        return acquired == 1 ? new CoverageLock(connection) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
            await _connection.ExecuteScalarAsync<int?>($"SELECT RELEASE_LOCK({Name})");
    }
}
