using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.IntegrationTests.Notifications;

/// <summary>A clock the test moves by hand, for the dispatcher's backoff and the reminders' thresholds.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class NotificationTestKit
{
    /// <summary>The template ids of appsettings.json; the sandbox accepts any.</summary>
    public const string ResultTemplate = "application-result-template";
    public const string ReviewTemplate = "review-reminder-template";

    /// <summary>A second API over the same database whose clock the test sets (for the jobs only; requests use the shared API).</summary>
    public static WebApplicationFactory<Program> WithClock(this ApiFixture api, TimeProvider clock) =>
        api.CreateFactory(builder => builder.ConfigureServices(services => services.AddSingleton(clock)));

    /// <summary>Runs one dispatcher pass as a Hangfire worker would, and returns how many rows it handled.</summary>
    public static async Task<int> DispatchAsync(this WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatchJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<T> RunJobAsync<T>(this WebApplicationFactory<Program> factory, Func<T, Task<int>> run, Action<int>? written = null)
        where T : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<T>();
        var count = await run(job);
        written?.Invoke(count);
        return job;
    }

    /// <summary>The worker accepts the template in the mini-program: the sandbox holds the WeChat side, our API the counter.</summary>
    public static async Task GrantAsync(this ApiFixture api, TestPeople.Worker worker, string templateId = ResultTemplate, int count = 1)
    {
        (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/subscribe-grants", new { openid = worker.OpenId, templateId, count }))
            .EnsureSuccessStatusCode();
        using var client = api.CreateClient(worker.Token);
        for (var i = 0; i < count; i++)
        {
            await (await client.PostAsJsonAsync("/api/me/subscriptions",
                new { results = new Dictionary<string, string> { [templateId] = "accept" } })).AssertOkJsonAsync();
        }
    }

    public static async Task<List<JsonElement>> SentMessagesAsync(this ApiFixture api, string openId)
    {
        var sent = await api.Sandbox.Client.GetFromJsonAsync<JsonElement>($"/__sandbox/sent-messages?openid={Uri.EscapeDataString(openId)}");
        return sent.EnumerateArray().ToList();
    }

    /// <summary>A worker who applied at a fresh station of the given union; answers the worker and the application id.</summary>
    public static async Task<(TestPeople.Worker Worker, long ApplicationId)> ApplyAsync(this ApiFixture api, long unionId = 2)
    {
        var worker = await api.LoginWorkerAsync();
        var station = await api.CreateStationAsync(unionId);
        var application = await api.SubmitAsync(worker,
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), stationScene: "s=" + station.Code));
        return (worker, application.GetProperty("id").GetInt64());
    }

    public static async Task<string?> OutboxStatusAsync(this ApiFixture api, long applicationId, string kind)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<string?>("""
            SELECT o.status FROM notification_outbox o JOIN messages m ON m.outbox_id = o.id
            WHERE m.application_id = @applicationId AND o.kind = @kind ORDER BY o.id DESC LIMIT 1
            """, new { applicationId, kind });
    }

    public static async Task<int> RemainingGrantsAsync(this ApiFixture api, string openId, string templateId = ResultTemplate)
    {
        await using var db = await api.Database.OpenAsync();
        return await db.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(remaining), 0) FROM subscription_quota WHERE openid = @openId AND template_id = @templateId", new { openId, templateId });
    }

    public static async Task<JsonElement> InboxAsync(this ApiFixture api, string token, string path = "/api/me/messages")
    {
        using var client = api.CreateClient(token);
        return await (await client.GetAsync(path)).AssertOkJsonAsync();
    }
}
