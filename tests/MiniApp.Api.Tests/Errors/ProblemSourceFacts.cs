using System.Text.RegularExpressions;

namespace MiniApp.Api.Tests.Errors;

/// <summary>
/// Problems.Create takes only a ProblemCode, so a handler cannot answer a code string of its own; these facts close
/// the ways around it in the source: a code written straight into a body, or a ProblemCode made outside a declaration.
/// </summary>
public sealed partial class ProblemSourceFacts
{
    private static readonly string Source = DeclaredProblemCodes.RepositoryFile("src", "MiniApp.Api");

    /// <summary>The files that build problem bodies themselves; each takes its code from a ProblemCode.</summary>
    private static readonly string[] BodyWriters =
    [
        Path.Combine("Infrastructure", "Errors", "Problems.cs"),
        Path.Combine("Infrastructure", "Errors", "ProblemDetailsSetup.cs"),
        Path.Combine("Infrastructure", "Errors", "ApiExceptionHandler.cs"),
    ];

    [Fact]
    public void Source_WritesTheCodeOfABody_OnlyWhereProblemsAreBuilt()
    {
        var elsewhere = Files()
            .Where(file => CodeKeyPattern().IsMatch(file.Text) && !BodyWriters.Contains(file.Path))
            .Select(file => file.Path)
            .ToList();

        Assert.True(elsewhere.Count == 0, "These files put a \"code\" into a body themselves; declare a ProblemCode "
            + "and answer code.Problem(…) instead:\n" + string.Join("\n", elsewhere));
    }

    [Fact]
    public void Source_MakesAProblemCode_OnlyInAStaticReadonlyDeclaration()
    {
        var made = Files()
            .SelectMany(file => ConstructionPattern().Matches(file.Text)
                .Where(match => !match.Groups["declaration"].Success)
                .Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.Contains(Files(), file => ConstructionPattern().IsMatch(file.Text));
        Assert.True(made.Count == 0, "A ProblemCode made outside a `static readonly ProblemCode` field is not in "
            + "README's table or the declared list:\n" + string.Join("\n", made));
    }

    private static IEnumerable<(string Path, string Text)> Files() => Directory
        .EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Source, path))
        .Where(path => path.Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin"))
        .Select(path => (path, File.ReadAllText(Path.Combine(Source, path))));

    [GeneratedRegex(@"Extensions\s*\[\s*""code""\s*\]|\{\s*""code""\s*,|\[\s*""code""\s*\]\s*=")]
    private static partial Regex CodeKeyPattern();

    /// <summary>A ProblemCode made (explicitly or target-typed); "declaration" when a static field holds it.</summary>
    [GeneratedRegex(@"(?<declaration>static\s+readonly\s+ProblemCode\s+\w+\s*=\s*)?"
        + @"new\s*(ProblemCode)?\s*\(\s*""[a-z_]+""\s*,\s*\d{3}")]
    private static partial Regex ConstructionPattern();
}
