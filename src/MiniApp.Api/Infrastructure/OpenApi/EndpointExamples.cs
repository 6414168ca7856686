using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace MiniApp.Api.Infrastructure.OpenApi;

/// <summary>An example of an endpoint's JSON request body, an instance of the body's type.</summary>
public sealed record RequestExample(object Value);

/// <summary>An example of an endpoint's JSON success response, an instance of the response's type.</summary>
public sealed record ResponseExample(object Value);

/// <summary>
/// Examples declared with the endpoint as typed instances, so a renamed field breaks the build, not the document; the
/// document shows them as the API would write them (the app's JSON options). The data is made up: 11010519491231002X
/// is the public GB 11643 test number, phones are 139****5678-style fakes.
/// </summary>
public static class EndpointExamples
{
    private const string Json = "application/json";

    public static RouteHandlerBuilder WithRequestExample<T>(this RouteHandlerBuilder builder, T example)
        where T : notnull => builder.WithMetadata(new RequestExample(example));

    public static RouteHandlerBuilder WithResponseExample<T>(this RouteHandlerBuilder builder, T example)
        where T : notnull => builder.WithMetadata(new ResponseExample(example));

    /// <summary>
    /// Puts the examples on the request body and the first success response, written as the declared type (as the
    /// schema shows it). An example whose type is not the body's or the response's, or an operation without a JSON
    /// body or answer to carry it, fails the document.
    /// </summary>
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var json = context.ApplicationServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value
            .SerializerOptions;
        var name = $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
        if (metadata.OfType<RequestExample>().LastOrDefault() is { } request)
        {
            var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
            if (body?.Type is not { } bodyType || !bodyType.IsInstanceOfType(request.Value)
                || operation.RequestBody?.Content is not { } content || !content.TryGetValue(Json, out var media))
            {
                throw new InvalidOperationException($"{name}: the request example, a "
                    + $"{request.Value.GetType().Name}, is not a JSON body of the endpoint.");
            }
            media.Example = JsonSerializer.SerializeToNode(request.Value, bodyType, json);
        }
        if (metadata.OfType<ResponseExample>().LastOrDefault() is { } response)
        {
            var (type, media) = context.Description.SupportedResponseTypes
                .Where(r => r.StatusCode is >= 200 and < 300
                    && r.Type is { } declared && declared.IsInstanceOfType(response.Value))
                .Select(r => (r.Type, Media: JsonMedia(operation, r.StatusCode)))
                .FirstOrDefault(found => found.Media is not null);
            if (media is null)
            {
                throw new InvalidOperationException($"{name}: the response example, a "
                    + $"{response.Value.GetType().Name}, is not a JSON answer of the endpoint.");
            }
            media.Example = JsonSerializer.SerializeToNode(response.Value, type!, json);
        }
        return Task.CompletedTask;
    }

    private static OpenApiMediaType? JsonMedia(OpenApiOperation operation, int status) =>
        operation.Responses is { } responses
        && responses.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var answer)
        && answer.Content is { } content && content.TryGetValue(Json, out var media)
            ? media
            : null;
}
