using System.Globalization;
using System.Text.RegularExpressions;
using MiniApp.Api.Infrastructure.Errors;

namespace MiniApp.Api.Tests.Errors;

/// <summary>
/// README's error table is generated from the declared codes. When it differs, the test names what and prints the
/// table to paste; MINIAPP_UPDATE_README=1 writes it into README.md instead.
/// </summary>
public sealed partial class ReadmeProblemTableFacts
{
    private const string Start = "<!-- problem-codes:start (generated: ReadmeProblemTableFacts) -->";
    private const string End = "<!-- problem-codes:end -->";

    [Fact]
    public async Task ReadmeErrorTable_IsTheTableOfTheDeclaredCodes()
    {
        var path = DeclaredProblemCodes.RepositoryFile("README.md");
        var readme = await File.ReadAllTextAsync(path);
        var from = readme.IndexOf(Start, StringComparison.Ordinal);
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md lacks the lines {Start} and {End} around the error table.");
        var expected = Table(DeclaredProblemCodes.All);
        var current = readme[(from + Start.Length)..to].Trim('\n');

        if (Environment.GetEnvironmentVariable("MINIAPP_UPDATE_README") == "1" && current != expected)
        {
            await File.WriteAllTextAsync(path, readme[..(from + Start.Length)] + "\n" + expected + "\n" + readme[to..]);
            current = expected;
        }

        var differences = Differences(Rows(expected), Rows(current));
        Assert.True(current == expected, "README's error table differs from the codes the API declares:\n"
            + string.Join("\n", differences) + "\n\nThe table (or run with MINIAPP_UPDATE_README=1):\n" + expected);
    }

    [Fact]
    public async Task ContractReadme_ListsEveryDeclaredCodeWithItsStatus()
    {
        var readme = await File.ReadAllTextAsync(
            DeclaredProblemCodes.RepositoryFile("miniprogram-contract", "README.md"));
        var listed = RowPattern().Matches(readme)
            .ToDictionary(row => row.Groups["code"].Value, row => row.Groups["status"].Value);
        var declared = DeclaredProblemCodes.All
            .ToDictionary(code => code.Code, code => code.Status.ToString(CultureInfo.InvariantCulture));

        Assert.True(listed.Count > 0, "miniprogram-contract/README.md has no table of codes");
        Assert.Equal(declared.OrderBy(pair => pair.Key), listed.OrderBy(pair => pair.Key));
    }

    /// <summary>One row per code: code, status, the default Chinese detail, what it means.</summary>
    public static string Table(IEnumerable<ProblemCode> codes) => string.Join("\n",
        new[] { "| code | status | detail (default) | when |", "|---|---|---|---|" }
            .Concat(codes.Select(code => $"| `{code.Code}` | {code.Status} | {code.Detail} | {code.Meaning} |")));

    private static Dictionary<string, string> Rows(string table) => table.Split('\n')
        .Select(line => (Line: line, Match: RowPattern().Match(line)))
        .Where(row => row.Match.Success)
        .GroupBy(row => row.Match.Groups["code"].Value)
        .ToDictionary(group => group.Key, group => group.First().Line);

    private static IEnumerable<string> Differences(Dictionary<string, string> expected,
        Dictionary<string, string> current) =>
        expected.Keys.Except(current.Keys).Select(code => $"missing: {code}")
            .Concat(current.Keys.Except(expected.Keys).Select(code => $"not declared: {code}"))
            .Concat(expected.Keys.Intersect(current.Keys).Where(code => expected[code] != current[code])
                .Select(code => $"different: {current[code]}\n   expected: {expected[code]}"))
            .DefaultIfEmpty("the rows are the same; their order or the header differs");

    [GeneratedRegex(@"^\| `(?<code>[a-z_]+)` \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
