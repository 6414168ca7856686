using Hangfire;
using MiniApp.Api.Infrastructure.Hangfire;
using MiniApp.Api.Notifications.Dispatch;

namespace MiniApp.Api.IntegrationTests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class JobsFacts(ApiFixture api)
{
    private HttpClient NoRedirects(string? bearer = null)
    {
        var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    [Fact]
    public async Task Dashboard_RefusesAnonymous_AReviewer_AndAWorker()
    {
        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        var worker = await api.LoginWorkerAsync();

        using var anonymous = NoRedirects();
        using var reviewerClient = NoRedirects(await api.StaffTokenAsync(reviewer));
        using var workerClient = NoRedirects(worker.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerClient.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerClient.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workerClient.GetAsync("/hangfire")).StatusCode);
        await (await reviewerClient.PostAsync("/api/staff/hangfire-token", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire?token=1.9999999999.abc.forged")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_OpensForACountyAdmin_ThroughAOneTimeToken()
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var adminClient = NoRedirects(await api.StaffTokenAsync(admin));
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/hangfire")).StatusCode);

        var link = await (await adminClient.PostAsync("/api/staff/hangfire-token", null)).AssertOkJsonAsync();
        var url = link.GetProperty("url").GetString()!;
        using var browser = NoRedirects();
        var redeemed = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        var cookie = Assert.Single(redeemed.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        var dashboard = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Hangfire", await dashboard.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(url)).StatusCode); // used once
    }

    [Fact]
    public void RecurringJobs_AreScheduledInChinaTime()
    {
        var manager = new Moq.Mock<IRecurringJobManager>();

        RecurringJobs.Register(manager.Object);

        manager.Verify(m => m.AddOrUpdate(RecurringJobs.DispatchOutbox, Moq.It.Is<Hangfire.Common.Job>(j => j.Type == typeof(OutboxDispatchJob)),
            "* * * * *", Moq.It.Is<RecurringJobOptions>(o => o.TimeZone.Id == "Asia/Shanghai")));
        manager.Verify(m => m.AddOrUpdate(RecurringJobs.ReviewDigest, Moq.It.IsAny<Hangfire.Common.Job>(), "0 9 * * *",
            Moq.It.Is<RecurringJobOptions>(o => o.TimeZone.Id == "Asia/Shanghai")));
    }

    [Fact]
    public async Task WorkerRole_RunsTheDispatcherThroughHangfire_AndServesOnlyHealth()
    {
        var (worker, id) = await api.ApplyAsync(8);
        await api.GrantAsync(worker);
        await api.ApproveAsync(id);
        await using var node = api.CreateFactory(builder =>
        {
            builder.UseSetting("Role", "worker");
            builder.UseSetting("Hangfire:ServerEnabled", "true");
        });
        using var client = node.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reference")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        node.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.DispatchOutbox);

        var deadline = DateTime.UtcNow.AddSeconds(45);
        List<JsonElement> sent;
        while ((sent = await api.SentMessagesAsync(worker.OpenId)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Single(sent);
    }
}
