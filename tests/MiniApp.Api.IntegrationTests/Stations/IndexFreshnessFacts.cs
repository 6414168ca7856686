namespace MiniApp.Api.IntegrationTests.Stations;

/// <summary>Every API node keeps its own nearby index; a change made through one node reaches the others by itself.</summary>
[Collection(StationsCollection.Name)]
public sealed class IndexFreshnessFacts(ApiFixture api)
{
    [Fact]
    public async Task AnotherNode_SeesACreatedStation_AndStopsShowingItOnceClosed()
    {
        await using var other = api.CreateFactory(builder => builder.UseSetting("Stations:IndexRefreshInterval", "00:00:00.200"));
        using var otherClient = other.CreateClient();
        var place = StationKit.NewPlace();
        Assert.Empty(await otherClient.NearbyAsync(StationKit.At(place)));   // the other node is up, its index loaded
        using var admin = await api.StaffClientAsync();

        var id = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(place, 800, 30)));
        Assert.True(await EventuallyAsync(() => otherClient.NearbyAsync(StationKit.At(place)), found => found.Count == 1));

        (await admin.PostAsJsonAsync($"/api/staff/stations/{id}/status", new { status = "closed" })).EnsureSuccessStatusCode();
        Assert.Empty(await api.CreateClient().NearbyAsync(StationKit.At(place)));   // the writing node at once
        Assert.True(await EventuallyAsync(() => otherClient.NearbyAsync(StationKit.At(place)), found => found.Count == 0));
    }

    private static async Task<bool> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (done(await read())) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
