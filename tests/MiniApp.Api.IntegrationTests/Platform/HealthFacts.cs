namespace MiniApp.Api.IntegrationTests.Platform;

[Collection(ApiCollection.Name)]
public sealed class HealthFacts(ApiFixture api)
{
    [Fact]
    public async Task Ready_Answers200_WhenMySqlAndRedisAnswer()
    {
        using var client = api.CreateClient();
        var body = await (await client.GetAsync("/health/ready")).AssertOkJsonAsync();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("mysql").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetString());
    }

    [Fact]
    public async Task Ready_Answers503_WhenRedisIsUnreachable()
    {
        await using var factory = api.CreateFactory(builder =>
            builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Live_Answers200()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_AnswersNotFoundProblem()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/no-such-thing");
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Responses_CarryARequestId()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/health/live");
        Assert.True(response.Headers.TryGetValues("X-Request-Id", out var values));
        Assert.False(string.IsNullOrEmpty(values.Single()));
    }

    [Fact]
    public async Task Docs_ServeTheInteractiveReference()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }
}
