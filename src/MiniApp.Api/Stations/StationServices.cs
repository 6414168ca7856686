namespace MiniApp.Api.Stations;

/// <summary>What the station handlers share, bound with [AsParameters]: the database, the index every node answers
/// nearby searches from, the facility catalogue, the clock and the request's cancellation.</summary>
public sealed record StationServices(
    MySqlDataSource DataSource,
    StationIndex Index,
    FacilityCatalog Facilities,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public int MinuteOfWeek() => WeeklySchedule.MinuteOfWeek(Clock.GetUtcNow());

    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;
}
