using System.Web;

namespace MiniApp.WeChat.Tests.Infrastructure;

public sealed record RecordedRequest(
    Uri Uri, HttpMethod Method, string Path, IReadOnlyDictionary<string, string?> Query, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public delegate Task<HttpResponseMessage> Responder(RecordedRequest request, CancellationToken cancellationToken);

/// <summary>
/// Stands in for WeChat below the resilience pipeline. Answers come from a queue per path; when a queue runs dry the path's
/// fallback answers, and a path with neither fails the test loudly.
/// </summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<Responder>> _queues = [];
    private readonly Dictionary<string, Responder> _fallbacks = [];
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> To(string path) => [.. Requests.Where(r => r.Path == path)];

    public StubHttpHandler Enqueue(string path, Responder responder)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(path, out var queue))
            {
                _queues[path] = queue = new Queue<Responder>();
            }

            queue.Enqueue(responder);
        }

        return this;
    }

    public StubHttpHandler EnqueueJson(string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Enqueue(path, (_, _) => Task.FromResult(Json(json, status)));

    public StubHttpHandler Otherwise(string path, Responder responder)
    {
        lock (_lock)
        {
            _fallbacks[path] = responder;
        }

        return this;
    }

    public StubHttpHandler OtherwiseJson(string path, string json) =>
        Otherwise(path, (_, _) => Task.FromResult(Json(json)));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var recorded = new RecordedRequest(
            request.RequestUri,
            request.Method,
            request.RequestUri.AbsolutePath.TrimStart('/'),
            query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key]),
            body,
            request.Content?.Headers.ContentType?.ToString());

        Responder responder;
        lock (_lock)
        {
            _requests.Add(recorded);
            if (_queues.TryGetValue(recorded.Path, out var queue) && queue.TryDequeue(out var next))
            {
                responder = next;
            }
            else if (!_fallbacks.TryGetValue(recorded.Path, out responder!))
            {
                throw new InvalidOperationException($"The stub has no answer left for {request.Method} {recorded.Path}.");
            }
        }

        var response = await responder(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
