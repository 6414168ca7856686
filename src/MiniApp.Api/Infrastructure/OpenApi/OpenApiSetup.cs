using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace MiniApp.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            // Use cases nest their Request/Response records; name schemas after the use case so they stay distinct.
            options.CreateSchemaReferenceId = type => type.Type.IsNested && type.Type.DeclaringType is { } owner
                ? owner.Name + type.Type.Name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            // What endpoints declare beside their types: the problem codes they answer, examples of bodies and answers.
            options.AddOperationTransformer(ProblemCodeDescriptions.TransformAsync);
            options.AddOperationTransformer(EndpointExamples.TransformAsync);
            options.AddSchemaTransformer(DerivedRecordSchema.TransformAsync);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "新平县职工入会小程序 API";
                document.Info.Version = "v1";
                document.Info.Description = "Backend of the union-joining mini-program: WeChat login, applications, "
                    + "stations, staff review. Errors are RFC 9457 problem details with a stable `code` and a Chinese "
                    + "`detail` fit to show as is.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>The document at /openapi/v1.json and an interactive reference at /docs.</summary>
    public static WebApplication MapApiOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // No web fonts from Scalar's CDN: the page's Content-Security-Policy allows nothing from another origin.
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("新平县职工入会小程序 API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            options.DefaultFonts = false;
        });
        return app;
    }
}
