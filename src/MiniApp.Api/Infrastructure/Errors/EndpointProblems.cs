using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>A problem code an endpoint or a route group answers, with a note on when (or none).</summary>
public sealed record EndpointProblem(ProblemCode Code, string? Note = null)
{
    public static implicit operator EndpointProblem(ProblemCode code) => new(code);
}

public static class EndpointProblems
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>A worker's token is missing, expired or not a worker's.</summary>
    public static readonly IReadOnlyList<EndpointProblem> Worker =
    [
        ProblemCodes.Unauthorized.Because("log in again"),
        ProblemCodes.Forbidden.Because("not a worker's token"),
    ];

    /// <summary>A staff token is missing or expired, its account disabled, or the token is not a staff one.</summary>
    public static readonly IReadOnlyList<EndpointProblem> Staff =
    [
        ProblemCodes.Unauthorized.Because("log in again; also when the account is disabled"),
        ProblemCodes.Forbidden,
    ];

    /// <summary>As <see cref="Staff"/>, and every role but the county admin is refused.</summary>
    public static readonly IReadOnlyList<EndpointProblem> CountyAdmin =
    [
        ProblemCodes.Unauthorized.Because("log in again; also when the account is disabled"),
        ProblemCodes.Forbidden.Because("county admins only"),
    ];

    /// <summary>
    /// Declares the problem codes an endpoint (or every endpoint of a group) answers: a problem response for each of
    /// their statuses, and the codes themselves, which the OpenAPI description lists ("Problem codes: …"). A code that
    /// an endpoint declares again replaces its group's declaration (its note wins).
    /// </summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params IEnumerable<EndpointProblem> problems)
        where TBuilder : IEndpointConventionBuilder
    {
        var declared = problems.ToArray();
        foreach (var status in declared.Select(problem => problem.Code.Status).Distinct())
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]));
        }
        return builder.WithMetadata(declared);
    }

    /// <summary>
    /// The codes an endpoint's metadata declares, group and endpoint together (a code declared again replaces the
    /// earlier one), ordered by status and then as declared.
    /// </summary>
    public static IReadOnlyList<EndpointProblem> Of(IEnumerable<object> metadata)
    {
        var byCode = new Dictionary<string, (int Order, EndpointProblem Problem)>();
        foreach (var problem in metadata.OfType<EndpointProblem>())
        {
            byCode[problem.Code.Code] = byCode.TryGetValue(problem.Code.Code, out var earlier)
                ? (earlier.Order, problem)
                : (byCode.Count, problem);
        }
        return byCode.Values.OrderBy(entry => entry.Problem.Code.Status).ThenBy(entry => entry.Order)
            .Select(entry => entry.Problem).ToList();
    }
}
