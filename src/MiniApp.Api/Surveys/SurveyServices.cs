using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Surveys;

/// <summary>What the survey handlers share, bound with [AsParameters]: the database, the import limits, the clock and
/// the request's cancellation.</summary>
public sealed record SurveyServices(
    MySqlDataSource DataSource,
    IOptions<ImportsOptions> Imports,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public DateTime UtcNow() => Clock.GetUtcNow().UtcDateTime;
}
