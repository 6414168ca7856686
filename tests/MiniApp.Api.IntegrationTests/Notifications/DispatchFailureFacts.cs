namespace MiniApp.Api.IntegrationTests.Notifications;

/// <summary>WeChat failing in its ways (busy, no subscription, payload refused) and workers dying mid-send.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class DispatchFailureFacts(ApiFixture api)
{
    [Fact]
    public async Task WeChatFailingForAWhile_EveryMessageArrivesOnceAfterItRecovers()
    {
        var workers = new List<(TestPeople.Worker Worker, long Id)>();
        for (var i = 0; i < 3; i++)
        {
            var (worker, id) = await api.ApplyAsync(5);
            await api.GrantAsync(worker);
            await api.ApproveAsync(id);
            workers.Add((worker, id));
        }
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var jobs = api.WithClock(clock);
        // Each send is tried twice by the client (WeChat:MaxRetries 1): enough 502s to fail the first pass completely.
        await api.InjectFaultAsync("subscribe_send", httpStatus: 502, times: 6);

        await jobs.DispatchAsync();
        foreach (var (worker, id) in workers)
        {
            Assert.Empty(await api.SentMessagesAsync(worker.OpenId));
            Assert.Equal("pending", await api.OutboxStatusAsync(id, "application_approved"));
        }
        await jobs.DispatchAsync(); // not due yet: backoff
        clock.Now += TimeSpan.FromMinutes(2);
        await jobs.DispatchAsync();
        await jobs.DispatchAsync();

        foreach (var (worker, id) in workers)
        {
            Assert.Single(await api.SentMessagesAsync(worker.OpenId));
            Assert.Equal("sent", await api.OutboxStatusAsync(id, "application_approved"));
        }
        await using var db = await api.Database.OpenAsync();
        Assert.All(await db.QueryAsync<int>("""
            SELECT o.attempts FROM notification_outbox o JOIN messages m ON m.outbox_id = o.id WHERE m.application_id IN @ids
            """, new { ids = workers.Select(w => w.Id).ToArray() }), attempts => Assert.Equal(2, attempts));
    }

    [Fact]
    public async Task WeChatSaysNoSubscription_43101_ClearsTheGrant_WithoutRetry()
    {
        var (worker, id) = await api.ApplyAsync();
        using (var client = api.CreateClient(worker.Token))
        {
            // The mini-program reported an accept WeChat does not know of.
            await (await client.PostAsJsonAsync("/api/me/subscriptions",
                new { results = new Dictionary<string, string> { [NotificationTestKit.ResultTemplate] = "accept", ["other-template"] = "reject" } }))
                .AssertOkJsonAsync();
        }
        Assert.Equal(1, await api.RemainingGrantsAsync(worker.OpenId));
        await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/subscribe-grants", new { openid = worker.OpenId, templateId = "unrelated", count = 1 });

        await api.ApproveAsync(id);
        await api.Factory.DispatchAsync();

        Assert.Equal("no_grant", await api.OutboxStatusAsync(id, "application_approved"));
        Assert.Equal(0, await api.RemainingGrantsAsync(worker.OpenId));
        Assert.Empty(await api.SentMessagesAsync(worker.OpenId));
    }

    [Fact]
    public async Task PayloadRefused_47003_IsDead_ListedForCountyAdmins_AndSentAgainOnRetry()
    {
        var (worker, id) = await api.ApplyAsync();
        await api.GrantAsync(worker);
        await api.ApproveAsync(id);
        await api.InjectFaultAsync("subscribe_send", errcode: 47003);

        await api.Factory.DispatchAsync();

        Assert.Equal("dead", await api.OutboxStatusAsync(id, "application_approved"));
        Assert.Equal(1, await api.RemainingGrantsAsync(worker.OpenId));
        Assert.Contains(api.Logs.Lines, line => line.StartsWith("Error") && line.Contains("47003"));
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var adminClient = api.CreateClient(await api.StaffTokenAsync(admin));
        var dead = await (await adminClient.GetAsync("/api/staff/notifications?status=dead&pageSize=100")).AssertOkJsonAsync();
        var item = dead.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("recipientId").GetInt64() == worker.UserId);
        var outboxId = item.GetProperty("id").GetInt64();
        Assert.DoesNotContain(worker.OpenId, dead.GetRawText());

        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var reviewerClient = api.CreateClient(await api.StaffTokenAsync(reviewer));
        await (await reviewerClient.GetAsync("/api/staff/notifications?status=dead")).AssertProblemAsync(System.Net.HttpStatusCode.Forbidden, "forbidden");
        await (await reviewerClient.PostAsync($"/api/staff/notifications/{outboxId}/retry", null))
            .AssertProblemAsync(System.Net.HttpStatusCode.Forbidden, "forbidden");

        await (await adminClient.PostAsync($"/api/staff/notifications/{outboxId}/retry", null)).AssertOkJsonAsync();
        await (await adminClient.PostAsync($"/api/staff/notifications/{outboxId}/retry", null))
            .AssertProblemAsync(System.Net.HttpStatusCode.Conflict, "notification_not_dead");
        await api.Factory.DispatchAsync();

        Assert.Single(await api.SentMessagesAsync(worker.OpenId));
        Assert.Equal("sent", await api.OutboxStatusAsync(id, "application_approved"));
    }

    [Fact]
    public async Task AClaimWhoseWorkerDied_IsTakenAgainOnlyAfterItsLease()
    {
        var (worker, id) = await api.ApplyAsync(6);
        await api.GrantAsync(worker);
        await api.ApproveAsync(id);
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("""
                UPDATE notification_outbox o JOIN messages m ON m.outbox_id = o.id
                SET o.status = 'sending', o.claim_token = 'a-worker-that-died', o.claimed_until = @Until, o.attempts = 1
                WHERE m.application_id = @id
                """, new { Until = DateTime.UtcNow.AddMinutes(2), id });
        }

        await api.Factory.DispatchAsync();
        Assert.Empty(await api.SentMessagesAsync(worker.OpenId));
        await using var later = api.WithClock(new SettableClock(DateTimeOffset.UtcNow.AddMinutes(3)));
        await later.DispatchAsync();

        Assert.Single(await api.SentMessagesAsync(worker.OpenId));
        Assert.Equal("sent", await api.OutboxStatusAsync(id, "application_approved"));
    }
}
