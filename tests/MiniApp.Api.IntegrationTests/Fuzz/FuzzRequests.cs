using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MiniApp.Api.IntegrationTests.Fuzz;

/// <summary>How a fuzz request authenticates: as the operation's own caller, not at all, with a forged token, or as the other kind.</summary>
public enum FuzzAuth { AsCaller, None, Forged, OtherKind }

/// <summary>One hostile request. Content is made anew for each send.</summary>
/// <remarks>
/// KestrelRejects marks a request line the server refuses before any application code runs (a NUL in the path): Kestrel
/// answers those with an empty 400 and closes the connection, and offers no hook to shape that answer.
/// </remarks>
public sealed record FuzzRequest(string Label, HttpMethod Method, string Url, Func<HttpContent?> Content, FuzzAuth Auth = FuzzAuth.AsCaller,
    IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    public bool KestrelRejects => Url.Split('?')[0].Contains("%00", StringComparison.Ordinal);
}

/// <summary>
/// The hostile variants of one operation, made from its contract: every parameter and body field spoiled one at a time
/// (missing, wrong type, huge, injection text), whole bodies that are not JSON objects, wrong content types, bad ids,
/// forged tokens and hostile headers. A new operation in openapi.json gets all of them without anyone listing it.
/// </summary>
public static partial class FuzzRequests
{
    [GeneratedRegex("{([^}:]+)(:[^}]*)?}")]
    private static partial Regex PathParameter();

    public static IReadOnlyList<FuzzRequest> For(ContractOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var good = GoodValues(operation, ids);
        var goodBody = GoodBody(operation);
        var requests = new List<FuzzRequest>
        {
            new("as documented", method, Url(operation, good), () => Body(operation, goodBody)),
            new("no token", method, Url(operation, good), () => Body(operation, goodBody), FuzzAuth.None),
            new("forged token", method, Url(operation, good), () => Body(operation, goodBody), FuzzAuth.Forged),
            new("the other kind's token", method, Url(operation, good), () => Body(operation, goodBody), FuzzAuth.OtherKind),
        };

        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In == "path" ? HostileInputs.PathValues
                : parameter.In == "query" ? HostileInputs.QueryValues.Concat(HostileInputs.Strings.Take(12).Select(Uri.EscapeDataString))
                : [];
            foreach (var value in values)
            {
                var spoiled = new Dictionary<string, string>(good) { [parameter.Name] = value };
                requests.Add(new($"{parameter.In} {parameter.Name}={Short(value)}", method, Url(operation, spoiled), () => Body(operation, goodBody)));
            }
            if (parameter.In == "query")
            {
                var without = new Dictionary<string, string>(good);
                without.Remove(parameter.Name);
                requests.Add(new($"query {parameter.Name} missing", method, Url(operation, without), () => Body(operation, goodBody)));
            }
            if (parameter.In == "header")
            {
                foreach (var value in HostileInputs.Strings.Where(v => !v.Any(char.IsControl) && v.All(c => c < 0x7F)).Take(8))
                    requests.Add(new($"header {parameter.Name}={Short(value)}", method, Url(operation, good), () => Body(operation, goodBody),
                        Headers: [(parameter.Name, value)]));
            }
        }

        if (operation.BodyType == "application/json") requests.AddRange(JsonBodyVariants(operation, method, Url(operation, good), goodBody));
        if (operation.BodyType == "multipart/form-data") requests.AddRange(UploadVariants(method, Url(operation, good)));
        if (operation.BodyType is not null) requests.AddRange(ContentTypeVariants(method, Url(operation, good)));

        requests.AddRange(HeaderVariants(operation, method, Url(operation, good), goodBody));
        return requests;
    }

    private static IEnumerable<FuzzRequest> JsonBodyVariants(ContractOperation operation, HttpMethod method, string url, JsonNode? goodBody)
    {
        foreach (var (label, bytes) in HostileInputs.Bodies())
            yield return new($"body {label}", method, url, () => Raw(bytes, "application/json"));
        yield return new("body 70 KB", method, url, () => Json(new JsonObject { ["padding"] = new string('a', 70_000) }));
        yield return new("body 2 MB", method, url, () => Raw(new byte[2 * 1024 * 1024], "application/json"));

        if (goodBody is not JsonObject fields) yield break;
        foreach (var name in fields.Select(f => f.Key).ToList())
        {
            yield return new($"field {name} missing", method, url, () => Json(Without(fields, name)));
            foreach (var (label, value) in SpoiledValues(fields[name]))
                yield return new($"field {name} {label}", method, url, () => Json(With(fields, name, value)));
        }
        yield return new("unknown field", method, url, () => Json(With(fields, "unexpected", "x")));
        yield return new("duplicate field", method, url, () =>
            Raw(Encoding.UTF8.GetBytes(fields.ToJsonString().TrimEnd('}') + (fields.Count > 0 ? "," : "")
                + $"\"{fields.First().Key}\":null}}"), "application/json"));
    }

    private static IEnumerable<(string Label, JsonNode? Value)> SpoiledValues(JsonNode? good)
    {
        yield return ("null", null);
        yield return ("number", 123456789012345);
        yield return ("negative", -1);
        yield return ("fraction", 0.5);
        yield return ("boolean", false);
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("array", new JsonArray(1, "x", null));
        yield return ("array of 5000", new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode?)i).ToArray()));
        foreach (var text in new[] { "", "' OR '1'='1' -- ", "<script>alert(1)</script>", LoneSurrogate, "\0", new string('长', 3_000), "=1+1" })
            yield return ($"\"{Short(text)}\"", text);
        if (good is JsonObject inner)
        {
            foreach (var name in inner.Select(f => f.Key).ToList())
            {
                yield return ($".{name} missing", Without(inner, name));
                yield return ($".{name} wrong type", With(inner, name, new JsonArray()));
                yield return ($".{name} injection", With(inner, name, "' OR 1=1--"));
            }
        }
        if (good is JsonArray { Count: > 0 } list)
        {
            yield return ("[null]", new JsonArray((JsonNode?)null));
            yield return ("[wrong type]", new JsonArray("x", 1, true));
            yield return ("10,000 items", new JsonArray(Enumerable.Range(0, 10_000).Select(_ => list[0]?.DeepClone()).ToArray()));
        }
    }

    private static IEnumerable<FuzzRequest> UploadVariants(HttpMethod method, string url)
    {
        yield return new("upload without a file", method, url, () => new MultipartFormDataContent { { new StringContent("x"), "other" } });
        yield return new("upload of an empty file", method, url, () => Upload([], "a.xlsx"));
        yield return new("upload of random bytes", method, url, () => Upload(RandomBytes(50_000), "a.xlsx"));
        yield return new("upload of random bytes as csv", method, url, () => Upload(RandomBytes(50_000), "a.csv"));
        yield return new("upload of text", method, url, () => Upload(Encoding.UTF8.GetBytes("站点编码,站点名称\n' OR 1=1--,<script>\n"), "a.csv"));
        yield return new("upload of a zip that is not a workbook", method, url, () => Upload(NotAWorkbook(), "a.xlsx"));
        yield return new("upload with a hostile file name", method, url, () => Upload([1, 2, 3], "../../" + new string('a', 1_000) + ".xlsx"));
        yield return new("upload of two files", method, url, () =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "a.xlsx" }, { new ByteArrayContent([2]), "file", "b.xlsx" } };
            return form;
        });
        yield return new("upload as json", method, url, () => Json(new JsonObject { ["file"] = "x" }));
        yield return new("upload with a broken boundary", method, url, () =>
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"));
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=y");
            return content;
        });
    }

    private static IEnumerable<FuzzRequest> ContentTypeVariants(HttpMethod method, string url)
    {
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                     "application/json; charset=utf-16", "image/png", "*/*", "application/jsonx", "multipart/form-data" })
            yield return new($"content type {type}", method, url, () => Raw(Encoding.UTF8.GetBytes("{}"), type));
        yield return new("no content type", method, url, () => new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));
    }

    private static IEnumerable<FuzzRequest> HeaderVariants(ContractOperation operation, HttpMethod method, string url, JsonNode? goodBody)
    {
        (string, string)[][] sets =
        [
            [("Authorization", "Bearer " + new string('a', 6_000))],
            [("Authorization", "Basic eDp5")],
            [("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")],
            [("X-Request-Id", "<script>")],
            [("X-Request-Id", new string('a', 500))],
            [("X-Forwarded-For", "1.2.3.4, ' OR 1=1--")],
            [("X-Forwarded-Proto", "gopher")],
            [("Accept", "application/xml")],
            [("Accept-Language", "'; DROP TABLE x")],
            [("If-None-Match", "\"" + new string('a', 2_000) + "\"")],
            [("X-Padding", new string('a', 40_000))],
        ];
        foreach (var headers in sets)
            yield return new($"header {headers[0].Item1} {Short(headers[0].Item2)}", method, url, () => Body(operation, goodBody),
                headers[0].Item1 == "Authorization" ? FuzzAuth.None : FuzzAuth.AsCaller, headers);
        yield return new("address 20 KB", method, url + (url.Contains('?') ? "&" : "?") + "pad=" + new string('a', 20_000),
            () => Body(operation, goodBody));
    }

    private static Dictionary<string, string> GoodValues(ContractOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        var values = new Dictionary<string, string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In is "path" or "query"))
        {
            if (ids.TryGetValue($"{operation.Path}:{parameter.Name}", out var known) || ids.TryGetValue(parameter.Name, out known))
                values[parameter.Name] = known;
            else if (parameter.Required || parameter.In == "path")
                values[parameter.Name] = Uri.EscapeDataString(ContractOperations.Sample(parameter.Schema)?.ToString() ?? "1");
        }
        return values;
    }

    private static JsonNode? GoodBody(ContractOperation operation) => operation.BodyType == "application/json"
        ? operation.BodyExample?.DeepClone() ?? ContractOperations.Sample(operation.BodySchema)
        : null;

    private static string Url(ContractOperation operation, IReadOnlyDictionary<string, string> values)
    {
        var path = PathParameter().Replace(operation.Path, m => values.GetValueOrDefault(m.Groups[1].Value, "1"));
        var query = operation.Parameters.Where(p => p.In == "query" && values.ContainsKey(p.Name))
            .Select(p => $"{p.Name}={values[p.Name]}").ToList();
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private static HttpContent? Body(ContractOperation operation, JsonNode? goodBody) => operation.BodyType switch
    {
        "application/json" => Json(goodBody),
        "multipart/form-data" => Upload(Encoding.UTF8.GetBytes("站点编码,站点名称\nXP9,测试\n"), "a.csv"),
        _ => null,
    };

    // The JSON writer refuses a lone surrogate, so it is written as a marker and swapped for its escape afterwards.
    private const string LoneSurrogate = "LONE-SURROGATE-MARK";

    private static HttpContent Json(JsonNode? node) =>
        Raw(Encoding.UTF8.GetBytes((node?.ToJsonString() ?? "null").Replace(LoneSurrogate, "张\\ud800三")), "application/json");

    private static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static HttpContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] NotAWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            entry.Write(Encoding.UTF8.GetBytes("<worksheet><sheetData><row><c t=\"s\"><v>99999</v></c></row></sheetData>"));
        }
        return buffer.ToArray();
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    private static JsonObject Without(JsonObject source, string name)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JsonObject With(JsonObject source, string name, JsonNode? value)
    {
        var copy = (JsonObject)source.DeepClone();
        copy[name] = value?.DeepClone();
        return copy;
    }

    private static string Short(string value) => value.Length <= 24 ? value : value[..12] + $"…({value.Length})";
}
