using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiniApp.Api.IntegrationTests.Enterprises.Formation;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// Every date a query names, found in the served OpenAPI document (so a new one is walked without anyone adding it),
/// answers 400 validation_failed when it lies outside the dates the API takes, instead of overflowing into a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class DateParameterFacts(ApiFixture api)
{
    [GeneratedRegex("date|^from$|^to$|start|end|until|since", RegexOptions.IgnoreCase)]
    private static partial Regex DateName();

    [Fact]
    public async Task EveryDateParameter_Answers400_WhenTheDateIsOutOfRange()
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var client = api.CreateClient(await api.StaffTokenAsync(admin));
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var walked = new List<string>();
        var failures = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray() ?? [];
                foreach (var parameter in parameters.Where(p => (string?)p!["in"] == "query"))
                {
                    var name = (string)parameter!["name"]!;
                    if ((string?)parameter["schema"]?["format"] != "date" && !DateName().IsMatch(name)) continue;
                    foreach (var value in new[] { "9999-12-31", "0001-01-01", "1900-01-01", "2100-01-01" })
                    {
                        walked.Add($"{method} {path}?{name}={value}");
                        var response = await SendAsync(client, method, path, operation, $"{name}={value}");
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("\"validation_failed\""))
                            failures.Add($"{method.ToUpperInvariant()} {path}?{name}={value} → {(int)response.StatusCode} {body}");
                    }
                }
            }
        }

        Assert.True(walked.Count >= 48, $"only {walked.Count} date parameters found: {string.Join(", ", walked)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("servedOn")]
    [InlineData("answeredOn")]
    [InlineData("deadline")]
    public async Task FormationStepDates_Answer400_WhenOutOfRange(string field)
    {
        using var client = await api.AdminClientAsync();
        var id = await api.InsertAsync();
        var step = new Dictionary<string, object?>
        {
            ["stepType"] = "survey_visit", [field] = "0001-01-01", ["version"] = await client.VersionAsync(id),
        };

        var response = await client.PostStepAsync(id, step);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, JsonNode operation, string query)
    {
        var url = Regex.Replace(path, "{[^}]+}", "1") + "?" + query;
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content?.ContainsKey("multipart/form-data") == true) request.Content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        else if (content is not null) request.Content = JsonContent.Create(new { });
        return await client.SendAsync(request);
    }
}
