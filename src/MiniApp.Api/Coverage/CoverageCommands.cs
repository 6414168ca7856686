namespace MiniApp.Api.Coverage;

/// <summary>
/// One-shot commands for benchmarks and repairs. coverage-rebuild --date D: computes a past day D in full from the
/// source tables and freezes it; today and later are refused (not over yet), and so is a day before the journal
/// started. Its enterprise figures are the day's own rows (of its last refresh), else the previous day's carried
/// forward, else, when neither has any, the register as it stands now (logged as a warning). coverage-refresh --date D:
/// computes D incrementally (D−1 must be frozen) and leaves it open; a future day is refused; the register is read for
/// today and yesterday, an older day keeps or carries its enterprise rows as the rebuild does. Each prints one JSON
/// line to stdout: {"day","mode","deltasRead","rowsRead","elapsedMs","enterprises"}. A frozen day is refused, never
/// rewritten.
/// </summary>
public static class CoverageCommands
{
    public const string Rebuild = "coverage-rebuild";
    public const string Refresh = "coverage-refresh";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(IServiceProvider services, string command, IReadOnlyList<string> options,
        TextWriter output, CancellationToken cancellationToken)
    {
        var day = DateOption(options);
        var rebuild = command == Rebuild;
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        Refuse(rebuild, day, today);
        // The register keeps no history: it stands for today and, in the first hour of the day, for yesterday.
        var readRegister = !rebuild
            && (day == today || (day == today.AddDays(-1) && CoverageFreezeJob.RegisterIsYesterdays(clock)));
        await using var scope = services.CreateAsyncScope();
        var dataSource = scope.ServiceProvider.GetRequiredService<MySqlDataSource>();
        var days = scope.ServiceProvider.GetRequiredService<CoverageDays>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var held = await CoverageLock.TryAcquireAsync(connection.Db(cancellationToken), LockWait)
            ?? throw new InvalidOperationException("Another run is computing coverage figures; try again later.");
        var result = await days.ComputeAsync(connection, day, rebuild ? CoverageMode.Full : CoverageMode.Incremental,
            freeze: rebuild, readRegister, cancellationToken);
        if (result.AlreadyFrozen)
            throw new InvalidOperationException($"{day:yyyy-MM-dd} is frozen; its figures are never rewritten.");
        if (!readRegister && result.Enterprises == CoverageEnterpriseSource.Register)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CoverageCommands)).LogWarning(
                "{Day} and the day before had no enterprise figures: the day's were taken from the register as it "
                + "stands now", day.ToString("yyyy-MM-dd"));
        }
        await output.WriteLineAsync(Line(result));
    }

    /// <summary>A rebuild freezes the day, so the day must be over; a refresh of a day that has not begun has nothing
    /// to count.</summary>
    public static void Refuse(bool rebuild, DateOnly day, DateOnly today)
    {
        if (rebuild && day >= today)
        {
            throw new InvalidOperationException($"{day:yyyy-MM-dd} is not over (today is {today:yyyy-MM-dd}, China "
                + $"time): only a past day can be rebuilt and frozen; use {Refresh} for today.");
        }
        if (!rebuild && day > today)
        {
            throw new InvalidOperationException($"{day:yyyy-MM-dd} has not begun (today is {today:yyyy-MM-dd}, China "
                + "time): there is nothing to refresh yet.");
        }
    }

    public static string Line(CoverageDayResult result) => JsonSerializer.Serialize(new
    {
        day = result.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        mode = result.ModeName,
        deltasRead = result.DeltasRead,
        rowsRead = result.RowsRead,
        elapsedMs = (long)Math.Round(result.Elapsed.TotalMilliseconds),
        enterprises = result.EnterprisesName,
    });

    /// <summary>--date YYYY-MM-DD or --date=YYYY-MM-DD anywhere among the options (other options, such as
    /// --contentRoot, may come first).</summary>
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
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var day))
            throw new ArgumentException($"'{value}' is not a date; give --date YYYY-MM-DD.");
        return day;
    }
}
