using System.Globalization;
using System.Text.Json;
using MySqlConnector;

namespace MiniApp.Api.Coverage;

/// <summary>
/// One-shot commands for benchmarks and repairs. coverage-rebuild --date D: computes D in full from the source tables and
/// freezes it. coverage-refresh --date D: computes D incrementally (D−1 must be frozen) and leaves it open. Each prints one
/// JSON line to stdout: {"day","mode","deltasRead","rowsRead","elapsedMs"}. A frozen day is refused, never rewritten.
/// </summary>
public static class CoverageCommands
{
    public const string Rebuild = "coverage-rebuild";
    public const string Refresh = "coverage-refresh";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(IServiceProvider services, string command, IReadOnlyList<string> options, TextWriter output,
        CancellationToken cancellationToken)
    {
        var day = DateOption(options);
        var rebuild = command == Rebuild;
        await using var scope = services.CreateAsyncScope();
        var dataSource = scope.ServiceProvider.GetRequiredService<MySqlDataSource>();
        var days = scope.ServiceProvider.GetRequiredService<CoverageDays>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var held = await CoverageLock.TryAcquireAsync(connection, LockWait, cancellationToken)
            ?? throw new InvalidOperationException("Another run is computing coverage figures; try again later.");
        var result = await days.ComputeAsync(connection, day, rebuild ? CoverageMode.Full : CoverageMode.Incremental, freeze: rebuild,
            cancellationToken);
        if (result.AlreadyFrozen) throw new InvalidOperationException($"{day:yyyy-MM-dd} is frozen; its figures are never rewritten.");
        await output.WriteLineAsync(Line(result));
    }

    public static string Line(CoverageDayResult result) => JsonSerializer.Serialize(new
    {
        day = result.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        mode = result.ModeName,
        deltasRead = result.DeltasRead,
        rowsRead = result.RowsRead,
        elapsedMs = (long)Math.Round(result.Elapsed.TotalMilliseconds),
    });

    /// <summary>--date YYYY-MM-DD or --date=YYYY-MM-DD anywhere among the options (other options, such as --contentRoot, may come first).</summary>
    public static DateOnly DateOption(IReadOnlyList<string> options)
    {
        string? value = null;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i].Trim();
            if (option == "--date")
            {
                value = i + 1 < options.Count ? options[i + 1].Trim() : null;
                break;
            }
            if (option.StartsWith("--date=", StringComparison.Ordinal))
            {
                value = option["--date=".Length..].Trim();
                break;
            }
        }
        if (string.IsNullOrEmpty(value)) throw new ArgumentException("Give the day: --date YYYY-MM-DD.");
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new ArgumentException($"'{value}' is not a date; give --date YYYY-MM-DD.");
        return day;
    }
}
