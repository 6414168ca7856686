using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using MiniApp.Api.Infrastructure.Errors;
using MiniApp.Api.Infrastructure.OpenApi;

namespace MiniApp.Api.Tests.OpenApi;

public sealed class OpenApiTransformerFacts
{
    private const string Json = "application/json";

    private sealed record Body(string StationCode, int? Limit);

    private sealed record Answer(long Id, DateTimeOffset DecidedAt);

    [Fact]
    public async Task Examples_AreWrittenAsTheApiWritesJson_OnTheBodyAndTheSuccessResponse()
    {
        var operation = JsonOperation();
        var context = Context([new RequestExample(new Body("GS001", null)),
            new ResponseExample(new Answer(1024, new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero)))]);

        await EndpointExamples.TransformAsync(operation, context, CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"stationCode":"GS001","limit":null}"""),
            operation.RequestBody!.Content![Json].Example));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":1024,"decidedAt":"2026-03-03T02:00:00+00:00"}"""),
            operation.Responses!["200"].Content![Json].Example));
    }

    [Fact]
    public async Task Examples_FailTheDocument_WhenTheExampleIsNotTheBodysType()
    {
        var context = Context([new RequestExample(new Answer(1, DateTimeOffset.UnixEpoch))]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EndpointExamples.TransformAsync(JsonOperation(), context, CancellationToken.None));
        Assert.Contains("request example", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemCodes_EndTheDescription_BeforeTheRateLimitNote()
    {
        var operation = new OpenApiOperation
        {
            Description = "Exchanges the code. Limited per client address: rate_limited (429, with Retry-After).",
        };
        var context = Context([new EnableRateLimitingAttribute("login"),
            ProblemCodes.WeChatUnavailable.Because("with Retry-After"),
            new EndpointProblem(ProblemCodes.ValidationFailed)]);

        await ProblemCodeDescriptions.TransformAsync(operation, context, CancellationToken.None);

        Assert.Equal("Exchanges the code. Problem codes: validation_failed (400), wechat_unavailable (503: with "
            + "Retry-After). Limited per client address: rate_limited (429, with Retry-After).", operation.Description);
    }

    [Fact]
    public async Task ProblemCodes_SayNone_WhenTheEndpointDeclaresNone()
    {
        var operation = new OpenApiOperation();

        await ProblemCodeDescriptions.TransformAsync(operation, Context([]), CancellationToken.None);

        Assert.Equal("Problem codes: none.", operation.Description);
    }

    private static OpenApiOperation JsonOperation() => new()
    {
        RequestBody = new OpenApiRequestBody { Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() } },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() } },
        },
    };

    private static OpenApiOperationTransformerContext Context(object[] metadata)
    {
        var description = new ApiDescription
        {
            HttpMethod = "POST",
            RelativePath = "api/example",
            ActionDescriptor = new ActionDescriptor { EndpointMetadata = metadata },
        };
        description.ParameterDescriptions.Add(new ApiParameterDescription
        {
            Name = "body", Type = typeof(Body), Source = BindingSource.Body,
        });
        description.SupportedResponseTypes.Add(new ApiResponseType { StatusCode = 200, Type = typeof(Answer) });
        return new OpenApiOperationTransformerContext
        {
            DocumentName = "v1",
            Description = description,
            ApplicationServices = new ServiceCollection().AddOptions().BuildServiceProvider(),
        };
    }
}
