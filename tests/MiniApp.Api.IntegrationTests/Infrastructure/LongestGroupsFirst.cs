using Xunit.Abstractions;

[assembly: TestCollectionOrderer(
    "MiniApp.Api.IntegrationTests.Infrastructure.LongestGroupsFirst", "MiniApp.Api.IntegrationTests")]

namespace MiniApp.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the groups that take longest first (fuzz, then the big feature groups), so the short ones fill the gaps at
/// the end instead of a long one starting last and running on alone. A group not listed starts after these.
/// </summary>
public sealed class LongestGroupsFirst : ITestCollectionOrderer
{
    private static readonly string[] Order =
    [
        Fuzz.FuzzCollection.Name, StationsCollection.Name, ApplicationsCollection.Name, CoverageCollection.Name,
        NotificationsCollection.Name, ApiCollection.Name, LimitsCollection.Name, EnterprisesCollection.Name,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => Array.IndexOf(Order, collection.DisplayName) is var i and >= 0 ? i : Order.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
