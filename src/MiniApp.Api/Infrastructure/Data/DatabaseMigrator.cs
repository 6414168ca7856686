using EvolveDb;

namespace MiniApp.Api.Infrastructure.Data;

/// <summary>Applies the plain SQL migrations embedded from Database/Migrations with Evolve (forward only).</summary>
public sealed class DatabaseMigrator(MySqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const string MigrationsNamespace = "MiniApp.Api.Database.Migrations";

    public void Migrate()
    {
        using var connection = dataSource.CreateConnection();
        var evolve = new Evolve(connection, message => logger.LogInformation("{EvolveMessage}", message))
        {
            EmbeddedResourceAssemblies = [typeof(DatabaseMigrator).Assembly],
            EmbeddedResourceFilters = [MigrationsNamespace],
            IsEraseDisabled = true,
            // Several API nodes may start at once; Evolve serialises them with a database lock.
            EnableClusterMode = true,
        };
        evolve.Migrate();
        logger.LogInformation("Database schema is at version {Version}",
            evolve.AppliedMigrations.LastOrDefault() ?? "(unchanged)");
    }
}
