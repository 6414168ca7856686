using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Applications;

/// <summary>What the handlers of a worker's own applications share, bound with [AsParameters]: the database, the
/// protector of personal data, the reference lists, the clock and the request's cancellation.</summary>
public sealed record ApplicationServices(
    MySqlDataSource DataSource,
    FieldProtector Protector,
    ReferenceCatalog Catalog,
    TimeProvider Clock,
    CancellationToken Cancellation)
{
    public ValueTask<MySqlConnection> OpenAsync() => DataSource.OpenConnectionAsync(Cancellation);
}
