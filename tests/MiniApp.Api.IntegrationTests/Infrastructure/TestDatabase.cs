using EvolveDb;
using MiniApp.Api.Infrastructure.Data;

namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>A database of its own for one group of a test run (miniapp_test_xxxxxxxx), dropped at the end.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var builder = new MySqlConnectionStringBuilder(TestSettings.MySql);
        var name = $"{builder.Database}_{Guid.NewGuid():N}"[..Math.Min(builder.Database.Length + 9, 64)];
        builder.Database = "";
        var server = builder.ConnectionString;
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await command.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return new TestDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>
    /// Applies the API's migrations as its start-up does, but without Evolve's cluster lock: that lock is one for the
    /// whole server (GET_LOCK), so databases migrated under it wait for one another.
    /// </summary>
    public Task MigrateAsync() => Task.Run(async () =>
    {
        await using var connection = await OpenAsync();
        new Evolve(connection, _ => { })
        {
            EmbeddedResourceAssemblies = [typeof(DatabaseMigrator).Assembly],
            EmbeddedResourceFilters = ["MiniApp.Api.Database.Migrations"],
        }.Migrate();
    });

    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        // Only this database's pool: the other groups' connections stay open.
        await using (var own = new MySqlConnection(ConnectionString)) await MySqlConnection.ClearPoolAsync(own);
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
        await command.ExecuteNonQueryAsync();
    }
}
