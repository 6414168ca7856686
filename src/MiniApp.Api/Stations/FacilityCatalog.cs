using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Stations;

/// <summary>
/// The facility list from table station_facilities, reread at most every five minutes so a facility added through
/// reference data shows up without a restart. Writes validate against it; the nearby index keeps its own copy.
/// </summary>
public sealed class FacilityCatalog(MySqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);
    public const string Sql = "SELECT code, name FROM station_facilities ORDER BY sort_order, code";

    private volatile Loaded? _loaded;

    private sealed record Loaded(CodeList Facilities, DateTimeOffset ExpiresAt);

    public async Task<CodeList> GetAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded && clock.GetUtcNow() < loaded.ExpiresAt) return loaded.Facilities;
        // Two requests may reload at once; the list is tiny and both answers are right.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var facilities =
            new CodeList(
            await connection.QueryAsync<CodeName>(new CommandDefinition(Sql, cancellationToken: cancellationToken)));
        _loaded = new Loaded(facilities, clock.GetUtcNow() + CacheDuration);
        return facilities;
    }
}
