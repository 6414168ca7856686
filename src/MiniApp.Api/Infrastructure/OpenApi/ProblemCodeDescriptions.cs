using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace MiniApp.Api.Infrastructure.OpenApi;

/// <summary>
/// Ends every operation's description with the problem codes its endpoint and group declare
/// (<see cref="EndpointProblems.WithProblems{TBuilder}"/>): "Problem codes: validation_failed (400: the scene is not
/// s=&lt;code&gt;), station_not_found (404)." or "Problem codes: none.".
/// </summary>
public static class ProblemCodeDescriptions
{
    private const string RateLimitNote = "Limited ";

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var sentence = Sentence(EndpointProblems.Of(metadata));
        var description = operation.Description?.Trim();
        // WithRateLimit ends the description with its own note (rate_limited); the codes read before it.
        var note = metadata.OfType<EnableRateLimitingAttribute>().Any() && description is not null
            ? description.LastIndexOf(RateLimitNote, StringComparison.Ordinal)
            : -1;
        operation.Description = string.IsNullOrEmpty(description) ? sentence
            : note < 0 ? description + " " + sentence
            : description[..note] + sentence + " " + description[note..];
        return Task.CompletedTask;
    }

    public static string Sentence(IReadOnlyList<EndpointProblem> problems) => problems.Count == 0
        ? "Problem codes: none."
        : "Problem codes: " + string.Join(", ", problems.Select(Describe)) + ".";

    private static string Describe(EndpointProblem problem) => problem.Note is null
        ? $"{problem.Code.Code} ({problem.Code.Status})"
        : $"{problem.Code.Code} ({problem.Code.Status}: {problem.Note})";
}
