using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MiniApp.Api.Tests.CodeShape;

/// <summary>
/// The shape the code keeps as it grows (the issue that set these: no method over 60 lines, no endpoint handler over 6
/// parameters, lines within the 120 columns of .editorconfig). Read from the source under src/, parsed, never run.
/// </summary>
public sealed class CodeShapeFacts
{
    private const int MaxMethodLines = 60;
    private const int MaxHandlerParameters = 6;
    private const int MaxLineLength = 120;

    private static readonly Lazy<IReadOnlyList<(string Path, SyntaxTree Tree)>> Sources = new(ReadSources);

    [Fact]
    public void Methods_StayWithinSixtyLines()
    {
        var tooLong = Sources.Value
            .SelectMany(source => source.Tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
                .Select(method => (source.Path, Name: NameOf(method), Lines: LineCount(method))))
            .Where(m => m.Lines > MaxMethodLines)
            .Select(m => $"{m.Path}: {m.Name} has {m.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} methods over {MaxMethodLines} lines:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void EndpointHandlers_TakeAtMostSixParameters()
    {
        var handlers = MappedHandlers();
        Assert.NotEmpty(handlers);
        var tooMany = Sources.Value
            .SelectMany(source => source.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(method => handlers.Contains((TypeOf(method), method.Identifier.Text)))
                .Select(method => (source.Path, Name: NameOf(method), Count: method.ParameterList.Parameters.Count)))
            .Where(h => h.Count > MaxHandlerParameters)
            .Select(h => $"{h.Path}: {h.Name} takes {h.Count} parameters")
            .ToList();
        Assert.True(tooMany.Count == 0,
            $"{tooMany.Count} handlers over {MaxHandlerParameters} parameters (bundle services with [AsParameters]):\n"
            + string.Join("\n", tooMany));
    }

    [Fact]
    public void Lines_StayWithinTheEditorConfigLength()
    {
        var tooLong = Sources.Value
            .SelectMany(source => source.Tree.GetText().Lines
                .Where(line => line.Span.Length > MaxLineLength)
                .Select(line => $"{source.Path}:{line.LineNumber + 1} has {line.Span.Length} characters"))
            .ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void MappedHandlers_AreFound()
    {
        // The handler check above is only as good as this list: every Map call names a method it can find.
        var handlers = MappedHandlers();
        Assert.Contains(("ChangeStationStatus", "Handle"), handlers);
        Assert.True(handlers.Count > 50, $"only {handlers.Count} handlers found");
    }

    /// <summary>(type, method) of every method passed to a MapGet/MapPost/MapPut/MapDelete/MapPatch call.</summary>
    private static HashSet<(string Type, string Method)> MappedHandlers()
    {
        var handlers = new HashSet<(string, string)>();
        foreach (var (_, tree) in Sources.Value)
        {
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.Text: var verb }
                    || verb is not ("MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch")
                    || call.ArgumentList.Arguments.Count < 2) continue;
                switch (call.ArgumentList.Arguments[1].Expression)
                {
                    case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } access:
                        handlers.Add((type.Identifier.Text, access.Name.Identifier.Text));
                        break;
                    case IdentifierNameSyntax method:
                        handlers.Add((TypeOf(call), method.Identifier.Text));
                        break;
                }
            }
        }
        return handlers;
    }

    private static string TypeOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";

    private static string NameOf(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => $"{TypeOf(m)}.{m.Identifier.Text}",
        ConstructorDeclarationSyntax c => $"{TypeOf(c)} constructor",
        _ => $"{TypeOf(method)}.{method.Kind()}",
    };

    private static int LineCount(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static IReadOnlyList<(string Path, SyntaxTree Tree)> ReadSources()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(src, path), CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path)))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniApp.Backend.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("MiniApp.Backend.sln not found above " + AppContext.BaseDirectory);
    }
}
