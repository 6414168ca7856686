using MiniApp.Api.Coverage;
using MiniApp.Api.Demo;

namespace MiniApp.Api.Infrastructure.Commands;

/// <summary>
/// One-shot commands of the executable, for scripts and deploy steps:
/// `migrate` applies the migrations and exits; `seed-demo` applies them, loads the demo data (local runs only) and
/// computes today's figures; `coverage-rebuild --date D` and `coverage-refresh --date D` compute one day's figures
/// (see <see cref="CoverageCommands"/>).
/// </summary>
public static class AppCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        // Only the first argument can be a command; the rest are options such as --urls and their values.
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (command)
        {
            case "migrate":
                app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                return true;
            case "seed-demo":
                app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                await ActivatorUtilities.CreateInstance<DemoData>(app.Services).LoadAsync();
                // Today's figures at once, so the reports answer before the hourly refresh first runs.
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var refresh = scope.ServiceProvider.GetRequiredService<CoverageRefreshJob>();
                    await refresh.RunAsync(CancellationToken.None);
                }
                return true;
            case CoverageCommands.Rebuild or CoverageCommands.Refresh:
                try
                {
                    await CoverageCommands.RunAsync(app.Services, command, args[1..], Console.Out,
                        CancellationToken.None);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    // A refused day or a bad option: say why on stderr and fail, without a stack trace.
                    await Console.Error.WriteLineAsync($"{command}: {exception.Message}");
                    Environment.ExitCode = 1;
                }
                return true;
            case null:
                return false;
            default:
                throw new ArgumentException(
                    $"Unknown command '{command}'. Known: migrate, seed-demo, coverage-rebuild, coverage-refresh.");
        }
    }
}
