using System.Text.Json.Nodes;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// miniprogram-contract/openapi.json must equal what the API serves. scripts/export-openapi.sh rewrites it
/// (it runs this test with MINIAPP_UPDATE_CONTRACT=1).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractFacts(ApiFixture api)
{
    [Fact]
    public async Task CommittedContract_EqualsTheServedDocument()
    {
        using var client = api.CreateClient();
        var served = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        // The document names the server it was fetched from; the contract does not depend on it.
        served.AsObject().Remove("servers");
        var path = ContractPath();
        var pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        if (Environment.GetEnvironmentVariable("MINIAPP_UPDATE_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(path, pretty);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run scripts/export-openapi.sh");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(JsonNode.DeepEquals(served, committed),
            "miniprogram-contract/openapi.json differs from what the API serves; run scripts/export-openapi.sh and commit the result.");
    }

    [Fact]
    public async Task ServedDocument_DescribesTheLoginEndpoints()
    {
        using var client = api.CreateClient();
        var document = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/auth/login"));
        Assert.True(paths.ContainsKey("/api/staff/auth/login"));
        Assert.True(paths.ContainsKey("/api/me"));
    }

    /// <summary>The operations the mini-program's worker pages call (issue 8, "The contract").</summary>
    public static TheoryData<string, string> WorkerOperations() => new()
    {
        { "post", "/api/auth/login" }, { "get", "/api/me" }, { "post", "/api/me/phone" }, { "get", "/api/me/membership" },
        { "post", "/api/me/subscriptions" }, { "get", "/api/me/messages" }, { "get", "/api/reference" },
        { "get", "/api/stations/by-scene/{scene}" }, { "get", "/api/stations/nearby" }, { "get", "/api/stations/{id}" },
        { "post", "/api/applications" }, { "put", "/api/applications/{id}" }, { "get", "/api/applications/mine" },
        { "post", "/api/applications/{id}/withdraw" },
    };

    [Theory]
    [MemberData(nameof(WorkerOperations))]
    public async Task WorkerOperations_HaveExamplesOfTheirBodyAndSuccessResponse(string method, string path)
    {
        var operation = (await ServedDocumentAsync())["paths"]![path]![method]!;
        var success = operation["responses"]!.AsObject().First(r => r.Key.StartsWith('2')).Value!;
        Assert.True(success["content"]?["application/json"]?["example"] is not null, $"{method} {path}: the success response has no example");
        if (operation["requestBody"]?["content"]?["application/json"] is { } body)
        {
            Assert.True(body["example"] is not null, $"{method} {path}: the request body has no example");
        }
    }

    [Fact]
    public async Task EveryOperation_ListsItsProblemCodes_AndDeclaresTheirStatuses()
    {
        var document = await ServedDocumentAsync();
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var description = operation!["description"]?.GetValue<string>() ?? "";
                if (!description.Contains("Problem codes", StringComparison.Ordinal))
                {
                    missing.Add($"{method} {path}: no \"Problem codes\" in its description");
                    continue;
                }
                var responses = operation["responses"]!.AsObject();
                foreach (System.Text.RegularExpressions.Match status in System.Text.RegularExpressions.Regex.Matches(description, @"\((\d{3})\b"))
                {
                    if (!responses.ContainsKey(status.Groups[1].Value)) missing.Add($"{method} {path}: no {status.Groups[1].Value} response");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private async Task<JsonNode> ServedDocumentAsync()
    {
        using var client = api.CreateClient();
        return JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
    }

    private static string ContractPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MiniApp.Backend.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "miniprogram-contract", "openapi.json");
    }
}
