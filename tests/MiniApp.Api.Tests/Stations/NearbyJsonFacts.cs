using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MiniApp.Api.Stations;

namespace MiniApp.Api.Tests.Stations;

public sealed class NearbyJsonFacts
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static NearbyStation Station(long id, string name, double lat, double lng, bool allDay, string[] facilities, string? phone) =>
        new(id, lat, lng, "union_post", 0, allDay ? WeeklySchedule.AlwaysOpen : WeeklySchedule.NeverKnownOpen,
            NearbyJson.Head(id, "XP" + id, name, "union_post", "新平县\"桂山\"街道\\1号", lat, lng), NearbyJson.Tail(allDay, facilities, phone));

    [Fact]
    public async Task Written_IsWhatTheSerializerWritesForTheResponseRecord()
    {
        var hits = new List<NearbyHit>
        {
            new(Station(1, "桂山街道司机之家", 24.070512, 101.990334, true, ["drinking_water", "wifi"], "0877-7012345"), 65.6),
            new(Station(22, "古城 <驿站> & 者竜", 24.0618, 101.979215, false, [], null), 1_470.4),
        };
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;

        await new NearbyJson(hits, minuteOfWeek: 600).ExecuteAsync(context);

        var expected = JsonSerializer.Serialize(new FindNearbyStations.Response(
        [
            new FindNearbyStations.Item(1, "XP1", "桂山街道司机之家", "union_post", "新平县\"桂山\"街道\\1号", 24.070512, 101.990334, 66, true, true,
                ["drinking_water", "wifi"], "0877-7012345"),
            new FindNearbyStations.Item(22, "XP22", "古城 <驿站> & 者竜", "union_post", "新平县\"桂山\"街道\\1号", 24.0618, 101.979215, 1470, false, false,
                [], null),
        ]), ApiJson);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(body.Length, context.Response.ContentLength);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("application/json", context.Response.ContentType);
    }

    [Fact]
    public async Task NoHits_IsAnEmptyList()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;

        await new NearbyJson([], 0).ExecuteAsync(context);

        Assert.Equal("""{"stations":[]}""", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
