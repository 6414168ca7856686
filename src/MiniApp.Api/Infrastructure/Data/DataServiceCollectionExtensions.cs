namespace MiniApp.Api.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the shared <see cref="MySqlDataSource"/> from ConnectionStrings:MySql and sets Dapper up for
    /// snake_case columns.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("MySql")
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not configured.");
        var builder = new MySqlConnectionStringBuilder(connectionString)
        {
            // Every DATETIME column holds UTC; read it back as UTC.
            DateTimeKind = MySqlDateTimeKind.Utc,
            CharacterSet = "utf8mb4",
        };
        services.AddMySqlDataSource(builder.ConnectionString);
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the API starts. Turn off where a deploy step runs `migrate`
    /// instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
