using System.Text.Json.Nodes;

namespace MiniApp.Api.IntegrationTests.Fuzz;

/// <summary>One operation of the contract, as the fuzzer reads it from openapi.json.</summary>
public sealed record ContractOperation(string Method, string Path, IReadOnlyList<ContractParameter> Parameters, string? BodyType,
    JsonNode? BodySchema, JsonNode? BodyExample)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>Who calls it: the staff pages, the worker pages, or anyone (logins, stations, reference lists).</summary>
    public Caller Caller => Path switch
    {
        "/api/staff/auth/login" => Caller.Anonymous,
        _ when Path.StartsWith("/api/staff/", StringComparison.Ordinal) => Caller.Staff,
        _ when Path.StartsWith("/api/me", StringComparison.Ordinal) || Path.StartsWith("/api/applications", StringComparison.Ordinal) => Caller.Worker,
        _ => Caller.Anonymous,
    };
}

public sealed record ContractParameter(string Name, string In, bool Required, JsonNode? Schema);

public enum Caller { Anonymous, Worker, Staff }

/// <summary>Reads the committed contract and makes well-formed values from its schemas, for the fuzzer to spoil.</summary>
public static class ContractOperations
{
    public static JsonNode Document { get; } = JsonNode.Parse(File.ReadAllText(ContractPath()))!;

    public static IReadOnlyList<ContractOperation> All { get; } = Read();

    public static ContractOperation Find(string key) => All.Single(operation => operation.ToString() == key);

    private static List<ContractOperation> Read()
    {
        var operations = new List<ContractOperation>();
        foreach (var (path, methods) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in methods!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => new ContractParameter((string)p!["name"]!,
                    (string)p["in"]!, (bool?)p["required"] ?? false, Resolve(p["schema"]))).ToList();
                var content = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault();
                operations.Add(new ContractOperation(method, path, parameters, content?.Key, Resolve(content?.Value?["schema"]),
                    content?.Value?["example"]?.DeepClone()));
            }
        }
        return operations;
    }

    /// <summary>A schema with its $ref followed (one level; nested ones are followed as values are made).</summary>
    public static JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 10 && schema?["$ref"] is { } reference; depth++)
            schema = Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        if (schema?["oneOf"] is JsonArray choices) return Resolve(choices.FirstOrDefault(c => (string?)c?["type"] != "null") ?? schema);
        return schema;
    }

    /// <summary>The first non-null type a schema allows ("string", "integer", "object", …).</summary>
    public static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema?["properties"] is not null ? "object" : null,
    };

    /// <summary>A value of the schema's shape, good enough to get past the parser and into the handler.</summary>
    public static JsonNode? Sample(JsonNode? schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 6) return null;
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[0]?.DeepClone();
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? []) result[name] = Sample(property, depth + 1);
                return result;
            case "array":
                return new JsonArray(Sample(schema["items"], depth + 1));
            case "integer":
                return 1;
            case "number":
                return 24.5;
            case "boolean":
                return true;
            case "string":
                return (string?)schema["format"] switch
                {
                    "date" => "2026-11-02",
                    "date-time" => DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
                    "binary" => "x",
                    _ => "测试",
                };
            default:
                return null;
        }
    }

    private static string ContractPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MiniApp.Backend.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "miniprogram-contract",
            "openapi.json");
    }
}
