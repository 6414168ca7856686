using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using MiniApp.Api.Infrastructure.Errors;

namespace MiniApp.Api.Tests.Errors;

public sealed class ProblemCodeFacts
{
    private static readonly ProblemCode Taken = new("example_taken", 409, "已被使用", "an example");

    [Fact]
    public void Problem_AnswersTheCodeItsStatusAndTheDefaultDetail()
    {
        var problem = Taken.Problem().ProblemDetails;

        Assert.Equal(409, problem.Status);
        Assert.Equal("Conflict", problem.Title);
        Assert.Equal("已被使用", problem.Detail);
        Assert.Equal("example_taken", problem.Extensions["code"]);
    }

    [Fact]
    public void Problem_TakesADetailAndExtensions_InsteadOfTheDefault()
    {
        var problem = Taken.Problem("编码 GS001 已被使用", new Dictionary<string, object?> { ["stationCode"] = "GS001" })
            .ProblemDetails;

        Assert.Equal("编码 GS001 已被使用", problem.Detail);
        Assert.Equal("GS001", problem.Extensions["stationCode"]);
        Assert.Equal("example_taken", problem.Extensions["code"]);
    }

    [Fact]
    public void Code_ReadsAsItsMachineCode_WhereItTravelsAsText()
    {
        string outcome = Taken;

        Assert.Equal("example_taken", outcome);
        Assert.Equal("example_taken", $"{Taken}");
    }

    [Fact]
    public void Of_LetsTheEndpointReplaceItsGroupsDeclaration_AndOrdersByStatus()
    {
        var metadata = new EndpointProblem[]
        {
            ProblemCodes.Unauthorized.Because("log in again"), ProblemCodes.Forbidden,
            ProblemCodes.ValidationFailed, ProblemCodes.Forbidden.Because("the role may not edit stations"), Taken,
        };

        var problems = EndpointProblems.Of(metadata);

        Assert.Equal(["validation_failed", "unauthorized", "forbidden", "example_taken"],
            problems.Select(p => p.Code.Code));
        Assert.Equal("the role may not edit stations", problems.Single(p => p.Code == ProblemCodes.Forbidden).Note);
    }

    [Fact]
    public void WithProblems_DeclaresAProblemResponsePerStatus_AndCarriesTheCodes()
    {
        var builder = new ConventionCollector();

        builder.WithProblems(ProblemCodes.ValidationFailed, ProblemCodes.ImportTooLarge.Because("the file"), Taken);
        var endpoint = builder.Build();

        var responses = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().ToList();
        Assert.Equal([400, 409], responses.Select(r => r.StatusCode));
        Assert.All(responses, r => Assert.Equal(typeof(ProblemDetails), r.Type));
        Assert.All(responses, r => Assert.Equal(["application/problem+json"], r.ContentTypes));
        Assert.Equal(3, EndpointProblems.Of(endpoint.Metadata).Count);
    }

    private sealed class ConventionCollector : IEndpointConventionBuilder
    {
        private readonly List<Action<EndpointBuilder>> _conventions = [];

        public void Add(Action<EndpointBuilder> convention) => _conventions.Add(convention);

        public RouteEndpoint Build()
        {
            var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/x"), 0);
            foreach (var convention in _conventions) convention(builder);
            return (RouteEndpoint)builder.Build();
        }
    }
}
