namespace MiniApp.Api.Infrastructure.Errors;

/// <summary>
/// A problem code the API answers: the stable machine <see cref="Code"/> the mini-program switches on (never rename
/// one), its HTTP status, the default Chinese <see cref="Detail"/> fit to show a worker as is, and what it means
/// (README's table). Each is declared once, as a static readonly field of <see cref="ProblemCodes"/> (codes of the
/// whole API) or of its feature's *Problems class; the error body, the OpenAPI description of every endpoint that
/// declares it (<see cref="EndpointProblems.WithProblems{TBuilder}"/>) and README's table come from that field.
/// </summary>
public sealed record ProblemCode(string Code, int Status, string Detail, string Meaning)
{
    /// <summary>The problem details body of this code: its status, <paramref name="detail"/> or the default.</summary>
    public ProblemHttpResult Problem(string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Problems.Create(this, detail, extensions);

    /// <summary>The code as an endpoint declares it, with when it answers it there (the OpenAPI description).</summary>
    public EndpointProblem Because(string note) => new(this, note);

    public override string ToString() => Code;

    /// <summary>The machine code where it travels as text: a batch item's outcome, the exception handler.</summary>
    public static implicit operator string(ProblemCode code) => code.Code;
}
