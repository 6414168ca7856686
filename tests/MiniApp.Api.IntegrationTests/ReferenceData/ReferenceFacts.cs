using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.IntegrationTests.ReferenceData;

[Collection(ApiCollection.Name)]
public sealed class ReferenceFacts(ApiFixture api)
{
    private static readonly string[] Lists =
    [
        "workerGroups", "employmentForms", "townships", "ethnicities", "educationLevels", "politicalStatuses", "hukouTypes",
        "applicationStatuses", "rejectReasons",
    ];

    [Fact]
    public async Task Reference_ListsTheTwelveTownshipsAndTwelveWorkerGroups_InTheirOrder()
    {
        using var client = api.CreateClient();
        var body = await (await client.GetAsync("/api/reference")).AssertOkJsonAsync();

        var townships = Pairs(body, "townships");
        Assert.Equal(12, townships.Count);
        Assert.Equal(("530427001", "桂山街道"), townships[0]);
        Assert.Contains(("530427204", "者竜乡"), townships);
        Assert.Equal(("530427205", "平掌乡"), townships[^1]);

        var groups = Pairs(body, "workerGroups");
        Assert.Equal(12, groups.Count);
        Assert.Equal(("truck_driver", "货车司机"), groups[0]);
        Assert.Equal(("other", "其他"), groups[^1]);
    }

    [Fact]
    public async Task Reference_HasEveryListNonEmpty_WithCodeAndName()
    {
        using var client = api.CreateClient();
        var body = await (await client.GetAsync("/api/reference")).AssertOkJsonAsync();

        foreach (var list in Lists)
        {
            var items = Pairs(body, list);
            Assert.True(items.Count > 0, $"{list} is empty");
            Assert.All(items, item => Assert.False(string.IsNullOrEmpty(item.Code) || string.IsNullOrEmpty(item.Name), list));
        }
        Assert.Equal(58, Pairs(body, "ethnicities").Count);
        Assert.Contains(("07", "彝族"), Pairs(body, "ethnicities"));
    }

    [Fact]
    public async Task Reference_SendsAStrongETagAndPublicCaching()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Matches("^\"[A-Za-z0-9_-]{43}\"$", response.Headers.ETag.Tag);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Reference_Answers304WithoutBody_WhenIfNoneMatchIsTheCurrentETag()
    {
        using var client = api.CreateClient();
        var first = await client.GetAsync("/api/reference");
        var etag = first.Headers.ETag!;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/reference");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(TimeSpan.FromSeconds(300), second.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Reference_AnswersTheFullBody_WhenIfNoneMatchIsAnOldETag()
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reference");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-old-version\""));

        var response = await client.SendAsync(request);

        var body = await response.AssertOkJsonAsync();
        Assert.Equal(12, Pairs(body, "townships").Count);
    }

    [Fact]
    public async Task Catalog_KeepsItsCopyForFiveMinutes_ThenRereadsTheDatabase()
    {
        var clock = new ManualClock();
        await using var dataSource = new MySqlDataSource(api.Database.ConnectionString);
        var catalog = new ReferenceCatalog(dataSource, clock, NullLogger<ReferenceCatalog>.Instance);
        var before = await catalog.GetAsync(CancellationToken.None);
        await using var db = await api.Database.OpenAsync();
        try
        {
            await db.ExecuteAsync("INSERT INTO worker_groups (code, name, sort_order) VALUES ('test_porter', '搬运工', 50)");

            clock.Advance(ReferenceCatalog.CacheDuration - TimeSpan.FromSeconds(1));
            var cached = await catalog.GetAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
            var reread = await catalog.GetAsync(CancellationToken.None);

            Assert.Same(before, cached);
            Assert.False(cached.IsWorkerGroup("test_porter"));
            Assert.Equal("搬运工", reread.WorkerGroupName("test_porter"));
            Assert.Equal("test_porter", reread.WorkerGroups[^2].Code);  // by sort_order: before 其他 (99)
            Assert.NotEqual(before.ETag, reread.ETag);
        }
        finally
        {
            await db.ExecuteAsync("DELETE FROM worker_groups WHERE code = 'test_porter'");
        }
    }

    [Fact]
    public async Task Catalog_GivesTheSameETag_WhenTheDataIsUnchanged()
    {
        var clock = new ManualClock();
        await using var dataSource = new MySqlDataSource(api.Database.ConnectionString);
        var catalog = new ReferenceCatalog(dataSource, clock, NullLogger<ReferenceCatalog>.Instance);

        var first = await catalog.GetAsync(CancellationToken.None);
        clock.Advance(ReferenceCatalog.CacheDuration);
        var second = await catalog.GetAsync(CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal("者竜乡", second.TownshipName("530427204"));
    }

    [Fact]
    public async Task Catalog_KeepsServingTheLastCopy_WhenTheDatabaseFails()
    {
        var clock = new ManualClock();
        // The test user may create databases named after its own (miniapp_test_*).
        var database = $"{api.Database.Name}_down";
        await using var db = await api.Database.OpenAsync();
        await db.ExecuteAsync($"""
            CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE TABLE `{database}`.worker_groups AS SELECT * FROM worker_groups;
            CREATE TABLE `{database}`.regions AS SELECT * FROM regions;
            """);
        var builder = new MySqlConnectionStringBuilder(api.Database.ConnectionString) { Database = database };
        await using var dataSource = new MySqlDataSource(builder.ConnectionString);
        var catalog = new ReferenceCatalog(dataSource, clock, NullLogger<ReferenceCatalog>.Instance);
        var loaded = await catalog.GetAsync(CancellationToken.None);

        await db.ExecuteAsync($"DROP DATABASE `{database}`");
        clock.Advance(ReferenceCatalog.CacheDuration);
        var whileDown = await catalog.GetAsync(CancellationToken.None);

        Assert.Same(loaded, whileDown);
        Assert.Equal(12, whileDown.Townships.Count);
    }

    private static List<(string Code, string Name)> Pairs(JsonElement body, string list) =>
        body.GetProperty(list).EnumerateArray()
            .Select(item => (item.GetProperty("code").GetString()!, item.GetProperty("name").GetString()!))
            .ToList();

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 6, 15, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
