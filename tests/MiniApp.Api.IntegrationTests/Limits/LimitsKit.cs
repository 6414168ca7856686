using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.IntegrationTests.Limits;

internal static class LimitsKit
{
    /// <summary>
    /// A second API with the given settings (low limits), and optionally its own clock and password hasher. Its Redis keys
    /// have a prefix of their own, so it starts with no counts from other tests.
    /// </summary>
    public static WebApplicationFactory<Program> WithLimits(this ApiFixture api, IReadOnlyDictionary<string, string> settings,
        TimeProvider? clock = null, IPasswordHasher<StaffPassword>? hasher = null) =>
        api.CreateFactory(builder =>
        {
            builder.UseSetting("Redis:InstanceName", $"{api.RedisPrefix}{Guid.NewGuid():N}:");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                if (clock is not null) services.AddSingleton(clock);
                if (hasher is not null) services.AddSingleton(hasher);
            });
        });

    public static HttpClient ClientFrom(this WebApplicationFactory<Program> factory, string address, string? bearer = null)
    {
        var client = factory.CreateClient().From(address);
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    public static Task<HttpResponseMessage> StaffLoginAsync(this HttpClient client, string username, string password) =>
        client.PostJsonAsync("/api/staff/auth/login", new { username, password });

    /// <summary>Asserts a 429 with the code and a Retry-After of at least a second, and returns Retry-After in seconds.</summary>
    public static async Task<int> AssertTooManyAsync(this HttpResponseMessage response, string code)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, code);
        var seconds = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.True(seconds >= 1, $"Retry-After {seconds}");
        return seconds;
    }

    /// <summary>What a caller can see of an answer: status, headers (Retry-After with its value) and body, less the ids of the request.</summary>
    public static async Task<string> VisibleAsync(this HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => h.Key == "Retry-After" ? $"{h.Key}={string.Join(",", h.Value)}" : h.Key)
            .Order(StringComparer.Ordinal);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateObject()
            .Where(p => p.Name is not ("requestId" or "traceId"))
            .Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} [{string.Join(" ", headers)}] {{{string.Join(" ", body)}}}";
    }
}

/// <summary>Identity's hasher, counting every hash and verification the API asks of it.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<StaffPassword>
{
    private readonly PasswordHasher<StaffPassword> _inner = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string HashPassword(StaffPassword user, string password)
    {
        Interlocked.Increment(ref _calls);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(StaffPassword user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _calls);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>A hasher that holds every verification until the test opens the gate, to fill the API's hashing slots.</summary>
public sealed class GatedPasswordHasher : IPasswordHasher<StaffPassword>
{
    private readonly PasswordHasher<StaffPassword> _inner = new();
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task Entered => _entered.Task;

    public void Open() => _gate.Set();

    public string HashPassword(StaffPassword user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffPassword user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _calls);
        _entered.TrySetResult();
        _gate.Wait(TimeSpan.FromMinutes(1));
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
