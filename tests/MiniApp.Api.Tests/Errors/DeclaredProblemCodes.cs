using System.Reflection;
using MiniApp.Api.Infrastructure.Errors;

namespace MiniApp.Api.Tests.Errors;

/// <summary>Every problem code the API declares: the static ProblemCode fields of its assembly.</summary>
internal static class DeclaredProblemCodes
{
    public sealed record Declaration(string Field, FieldInfo Info, ProblemCode Code);

    public static IReadOnlyList<Declaration> Fields { get; } = typeof(ProblemCode).Assembly.GetTypes()
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static
            | BindingFlags.DeclaredOnly))
        .Where(field => field.FieldType == typeof(ProblemCode))
        .Select(field => new Declaration($"{field.DeclaringType!.Name}.{field.Name}", field,
            (ProblemCode)field.GetValue(null)!))
        .OrderBy(declaration => declaration.Field, StringComparer.Ordinal)
        .ToList();

    /// <summary>The distinct codes (a field naming another's instance counts once), by status and then code.</summary>
    public static IReadOnlyList<ProblemCode> All { get; } = Fields.Select(declaration => declaration.Code)
        .Distinct(ReferenceEqualityComparer.Instance).Cast<ProblemCode>()
        .OrderBy(code => code.Status).ThenBy(code => code.Code, StringComparer.Ordinal)
        .ToList();

    public static string RepositoryFile(params string[] path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MiniApp.Backend.sln")))
        {
            directory = directory.Parent;
        }
        var root = directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        return Path.Combine([root, .. path]);
    }
}
