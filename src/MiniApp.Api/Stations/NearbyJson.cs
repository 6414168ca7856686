using System.Buffers;
using System.Buffers.Text;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Metadata;

namespace MiniApp.Api.Stations;

/// <summary>
/// The nearby answer, written from each station's JSON serialised when the index was built: only distanceMeters and
/// isOpenNow differ between requests. Serialising twenty records per request was three quarters of a search's CPU;
/// the bytes are the same as System.Text.Json would write for <see cref="FindNearbyStations.Response"/> (a unit test
/// holds them to it), and the OpenAPI document still describes that type.
/// </summary>
public sealed class NearbyJson(IReadOnlyList<NearbyHit> hits, int minuteOfWeek) : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] Start = """{"stations":["""u8.ToArray();
    private static readonly byte[] End = "]}"u8.ToArray();
    private static readonly byte[] Distance = ""","distanceMeters":"""u8.ToArray();
    private static readonly byte[] OpenTrue = ""","isOpenNow":true,"""u8.ToArray();
    private static readonly byte[] OpenFalse = ""","isOpenNow":false,"""u8.ToArray();

    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var capacity = Start.Length + End.Length + hits.Count;
        foreach (var hit in hits) capacity += hit.Station.JsonHead.Length + hit.Station.JsonTail.Length
            + Distance.Length + 11 + OpenFalse.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var length = Write(buffer);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = length;
            // A location is in the URL: no cache along the way may keep it.
            response.Headers.CacheControl = "no-store";
            await response.BodyWriter.WriteAsync(buffer.AsMemory(0, length), httpContext.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int Write(Span<byte> span)
    {
        var at = Copy(Start, span, 0);
        for (var i = 0; i < hits.Count; i++)
        {
            var station = hits[i].Station;
            if (i > 0) span[at++] = (byte)',';
            at = Copy(station.JsonHead, span, at);
            at = Copy(Distance, span, at);
            Utf8Formatter.TryFormat((int)Math.Round(hits[i].Meters), span[at..], out var written);
            at += written;
            at = Copy(station.Schedule.IsOpenAt(minuteOfWeek) ? OpenTrue : OpenFalse, span, at);
            at = Copy(station.JsonTail, span, at);
        }
        return Copy(End, span, at);
    }

    /// <summary>{"id":…,"code":…,"name":…,"type":…,"address":…,"latitude":…,"longitude":… (left open).</summary>
    public static byte[] Head(long id, string code, string name, string type, string address, double latitude,
        double longitude)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("code", code);
            writer.WriteString("name", name);
            writer.WriteString("type", type);
            writer.WriteString("address", address);
            writer.WriteNumber("latitude", latitude);
            writer.WriteNumber("longitude", longitude);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>"allDay":…,"facilities":[…],"phone":…} (the rest of the object after isOpenNow).</summary>
    public static byte[] Tail(bool allDay, IReadOnlyList<string> facilities, string? phone)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allDay", allDay);
            writer.WriteStartArray("facilities");
            foreach (var facility in facilities) writer.WriteStringValue(facility);
            writer.WriteEndArray();
            if (phone is null) writer.WriteNull("phone");
            else writer.WriteString("phone", phone);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan[1..].ToArray();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(
            new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FindNearbyStations.Response),
            ["application/json"]));

    private static int Copy(byte[] source, Span<byte> destination, int at)
    {
        source.CopyTo(destination[at..]);
        return at + source.Length;
    }
}
