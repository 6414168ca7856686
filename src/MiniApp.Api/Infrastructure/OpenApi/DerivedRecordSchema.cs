using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MiniApp.Api.Infrastructure.OpenApi;

/// <summary>
/// A record that extends a positional record (the reviewer's ApplicationForReview extends ApplicationView) is sent
/// with every property of its base, so its schema requires them as the base's does: the schema marks constructor
/// parameters required, and the derived record's constructor takes the base whole.
/// </summary>
public static class DerivedRecordSchema
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.BaseType is not { } baseType || baseType == typeof(object)
            || baseType.GetMethod("<Clone>$") is null) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Options.GetTypeInfo(baseType).Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false }) (
                schema.Required ??= new HashSet<string>()).Add(property.Name);
        }
        return Task.CompletedTask;
    }
}
