using System.Text.RegularExpressions;
using MiniApp.Api.Infrastructure.Errors;

namespace MiniApp.Api.Tests.Errors;

public sealed partial class ProblemCodeDeclarationFacts
{
    [Fact]
    public void EveryCode_IsDeclaredOnce()
    {
        var twice = DeclaredProblemCodes.Fields
            .GroupBy(declaration => declaration.Code.Code)
            .Where(group => group.Select(declaration => declaration.Code)
                .Distinct(ReferenceEqualityComparer.Instance).Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(declaration => declaration.Field))}")
            .ToList();

        Assert.True(twice.Count == 0,
            "Declared more than once (name the first declaration instead):\n" + string.Join("\n", twice));
    }

    [Fact]
    public void EveryDeclaration_IsAStaticReadonlyFieldWithAStableCodeAnErrorStatusAndAChineseDetail()
    {
        var wrong = DeclaredProblemCodes.Fields
            .Where(declaration => !declaration.Info.IsInitOnly
                || !CodePattern().IsMatch(declaration.Code.Code)
                || declaration.Code.Status is < 400 or > 599
                || !ChinesePattern().IsMatch(declaration.Code.Detail)
                || string.IsNullOrWhiteSpace(declaration.Code.Meaning)
                || declaration.Code.Meaning.Contains('|'))
            .Select(declaration => $"{declaration.Field}: {declaration.Code.Code} ({declaration.Code.Status})")
            .ToList();

        Assert.NotEmpty(DeclaredProblemCodes.All);
        Assert.True(wrong.Count == 0, "Not static readonly, or a code, status, detail or meaning out of shape:\n"
            + string.Join("\n", wrong));
    }

    [Fact]
    public void ForStatus_AnswersADeclaredCodeOfThatStatus_OrInternalError()
    {
        foreach (var status in new[] { 400, 401, 403, 404, 405, 409, 413, 414, 415, 429, 431, 503 })
        {
            var code = ProblemCodes.ForStatus(status);
            Assert.Equal(status, code.Status);
            Assert.Contains(code, DeclaredProblemCodes.All);
        }
        Assert.Same(ProblemCodes.InternalError, ProblemCodes.ForStatus(418));
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChinesePattern();
}
