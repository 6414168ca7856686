using MiniApp.Api.Notifications.Reminders;

namespace MiniApp.Api.IntegrationTests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class ReminderFacts(ApiFixture api)
{
    // Thursday 2026-12-10, 10:00 in China.
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);

    private async Task<long> NewUnionUnderAsync(long parentId)
    {
        await using var db = await api.Database.OpenAsync();
        var id = await db.ExecuteScalarAsync<long>("""
            INSERT INTO organizations (code, name, type, parent_id, path, region_code) VALUES (@code, '测试联合工会', 'joint_union', @parentId, '', '530427001');
            SELECT LAST_INSERT_ID();
            """, new { code = "t-r-" + Guid.NewGuid().ToString("N")[..8], parentId });
        await db.ExecuteAsync("UPDATE organizations SET path = CONCAT((SELECT p.path FROM (SELECT path FROM organizations WHERE id = @parentId) p), id, '/') WHERE id = @id",
            new { id, parentId });
        return id;
    }

    private async Task SetAsync(string sql, object parameters)
    {
        await using var db = await api.Database.OpenAsync();
        await db.ExecuteAsync(sql, parameters);
    }

    private async Task<List<(string Kind, long? ApplicationId)>> StaffMessagesAsync(long staffId)
    {
        await using var db = await api.Database.OpenAsync();
        return (await db.QueryAsync<(string, long?)>(
            "SELECT kind, application_id FROM messages WHERE recipient_type = 'staff' AND recipient_id = @staffId ORDER BY id", new { staffId })).ToList();
    }

    [Fact]
    public async Task Sla_RemindsReviewersAfter3WorkingDays_EscalatesAfter10_OnceEach()
    {
        var union = await NewUnionUnderAsync(3);
        var (_, reviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, union);
        var (_, parentReviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, 3);
        var (_, late) = await api.ApplyAsync(union);       // Friday 12-04: 4 working days by Thursday 12-10
        var (_, veryLate) = await api.ApplyAsync(union);   // Friday 11-20: 14 working days
        var (_, onTime) = await api.ApplyAsync(union);     // Monday 12-07: 3 working days, not longer
        await SetAsync("UPDATE applications SET submitted_at = @At WHERE id = @Id", new { At = new DateTime(2026, 12, 4, 2, 0, 0), Id = late });
        await SetAsync("UPDATE applications SET submitted_at = @At WHERE id = @Id", new { At = new DateTime(2026, 11, 20, 2, 0, 0), Id = veryLate });
        await SetAsync("UPDATE applications SET submitted_at = @At WHERE id = @Id", new { At = new DateTime(2026, 12, 7, 2, 0, 0), Id = onTime });
        await using var jobs = api.WithClock(new SettableClock(Now));

        await jobs.RunJobAsync<SlaReminderJob>(job => job.RunAsync(CancellationToken.None));
        await jobs.RunJobAsync<SlaReminderJob>(job => job.RunAsync(CancellationToken.None));

        var reviewer = await StaffMessagesAsync(reviewerId);
        Assert.Equal(2, reviewer.Count);
        Assert.All(reviewer, m => Assert.Equal("sla_reminder", m.Kind));
        Assert.Equal([late, veryLate], reviewer.Select(m => m.ApplicationId!.Value).Order());
        var parent = await StaffMessagesAsync(parentReviewerId);
        Assert.Equal([("sla_escalation", (long?)veryLate)], parent.Where(m => m.ApplicationId is { } id && (id == late || id == veryLate || id == onTime)));
    }

    [Fact]
    public async Task Sla_RemindsTheNearestReviewersAbove_WhenTheUnionHasNoneOfItsOwn()
    {
        var township = await NewUnionUnderAsync(1);
        var union = await NewUnionUnderAsync(township);
        var (_, townshipReviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, township);
        var (_, late) = await api.ApplyAsync(union);
        await SetAsync("UPDATE applications SET submitted_at = @At WHERE id = @Id", new { At = new DateTime(2026, 12, 4, 2, 0, 0), Id = late });
        await using var jobs = api.WithClock(new SettableClock(Now));

        await jobs.RunJobAsync<SlaReminderJob>(job => job.RunAsync(CancellationToken.None));

        Assert.Contains(("sla_reminder", (long?)late), await StaffMessagesAsync(townshipReviewerId));
    }

    [Fact]
    public async Task Digest_At9_OnePerReviewerAndDay_ThroughTheirBoundWeChat_AndInTheirInbox()
    {
        var union = await NewUnionUnderAsync(9);
        var (username, reviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, union);
        await api.ApplyAsync(union);
        await api.ApplyAsync(union);
        var staffToken = await api.StaffTokenAsync(username);
        using var staffClient = api.CreateClient(staffToken);
        var code = await api.NewLoginCodeAsync();
        var openId = code.OpenId;
        await (await staffClient.PostAsJsonAsync("/api/staff/me/wechat", new { code = code.Code })).AssertOkJsonAsync();
        (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/subscribe-grants", new { openid = openId, templateId = NotificationTestKit.ReviewTemplate, count = 1 }))
            .EnsureSuccessStatusCode();
        await (await staffClient.PostAsJsonAsync("/api/staff/me/subscriptions",
            new { results = new Dictionary<string, string> { [NotificationTestKit.ReviewTemplate] = "accept" } })).AssertOkJsonAsync();
        await using var jobs = api.WithClock(new SettableClock(DateTimeOffset.UtcNow));

        await jobs.RunJobAsync<ReviewDigestJob>(job => job.RunAsync(CancellationToken.None));
        await jobs.RunJobAsync<ReviewDigestJob>(job => job.RunAsync(CancellationToken.None));
        await jobs.DispatchAsync();

        var inbox = await api.InboxAsync(staffToken, "/api/staff/messages");
        var digest = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Contains("2份", digest.GetProperty("body").GetString());
        var sent = Assert.Single(await api.SentMessagesAsync(openId));
        Assert.Equal("2", sent.GetProperty("data").GetProperty("number2").GetString());
        Assert.Equal(0, await api.RemainingGrantsAsync(openId, NotificationTestKit.ReviewTemplate));
    }

    [Fact]
    public async Task RejectedForMissingInformation_RemindsTheWorkerOnceAfter3Days()
    {
        var (worker, id) = await api.ApplyAsync();
        var (other, otherId) = await api.ApplyAsync();
        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var client = api.CreateClient(await api.StaffTokenAsync(reviewer));
        await (await client.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "info_incomplete", note = "缺少工作单位" })).AssertOkJsonAsync();
        await (await client.PostAsJsonAsync($"/api/staff/applications/{otherId}/reject", new { reasonCode = "not_eligible" })).AssertOkJsonAsync();
        await using var early = api.WithClock(new SettableClock(DateTimeOffset.UtcNow.AddDays(2)));
        await using var later = api.WithClock(new SettableClock(DateTimeOffset.UtcNow.AddDays(4)));

        await early.RunJobAsync<InfoReminderJob>(job => job.RunAsync(CancellationToken.None));
        await later.RunJobAsync<InfoReminderJob>(job => job.RunAsync(CancellationToken.None));
        await later.RunJobAsync<InfoReminderJob>(job => job.RunAsync(CancellationToken.None));

        var kinds = (await api.InboxAsync(worker.Token)).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["info_reminder", "application_rejected"], kinds);
        var otherKinds = (await api.InboxAsync(other.Token)).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("kind").GetString());
        Assert.Equal(["application_rejected"], otherKinds);
    }
}
