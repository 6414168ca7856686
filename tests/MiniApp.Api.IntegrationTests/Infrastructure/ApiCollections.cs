namespace MiniApp.Api.IntegrationTests.Infrastructure;

// The integration classes run in groups, one xunit collection per group. Each group gets an ApiFixture of its own
// (xunit makes one per collection): its own database, WeChat sandbox and Redis prefix. The classes of a group run one
// after another, as all of them did when there was one group; the groups run side by side (xunit.runner.json says how
// many tests at once). A class that reads figures over all rows of a table therefore only meets the rows of its group.
// A class that needs the whole process to itself (process-wide meters, static state) goes in ExclusiveCollection.

/// <summary>
/// The platform group (health, errors, the contract, outages, reference data), and where a new class goes unless a
/// feature group fits it better.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Joining and reviewing, worker and staff sign-in, staff accounts.</summary>
[CollectionDefinition(Name)]
public sealed class ApplicationsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-applications";
}

/// <summary>The coverage engine and its reports.</summary>
[CollectionDefinition(Name)]
public sealed class CoverageCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-coverage";
}

/// <summary>The enterprise register and formation.</summary>
[CollectionDefinition(Name)]
public sealed class EnterprisesCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-enterprises";
}

/// <summary>Rate limits and login limits.</summary>
[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-limits";
}

/// <summary>Notifications, the outbox, reminders and the jobs dashboard.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-notifications";
}

/// <summary>Stations, the workbook imports, group surveys.</summary>
[CollectionDefinition(Name)]
public sealed class StationsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-stations";
}

/// <summary>
/// For a class that must not run beside any other: xunit runs this group after all the others, alone. Its own
/// database as well.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExclusiveCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-exclusive";
}
