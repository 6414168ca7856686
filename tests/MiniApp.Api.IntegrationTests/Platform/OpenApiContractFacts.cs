using System.Text.Json;
using System.Text.Json.Nodes;
using MiniApp.Api.IntegrationTests.Infrastructure;

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

    private static string ContractPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MiniApp.Backend.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "miniprogram-contract", "openapi.json");
    }
}
