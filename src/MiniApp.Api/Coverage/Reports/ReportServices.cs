namespace MiniApp.Api.Coverage.Reports;

/// <summary>What the report and bulletin handlers share, bound with [AsParameters]: the database, the clock (a date
/// left out means today in China) and the request's cancellation.</summary>
public sealed record ReportServices(MySqlDataSource DataSource, TimeProvider Clock, CancellationToken Cancellation);
