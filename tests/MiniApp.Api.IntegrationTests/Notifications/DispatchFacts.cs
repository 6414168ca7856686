namespace MiniApp.Api.IntegrationTests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class DispatchFacts(ApiFixture api)
{
    [Fact]
    public async Task Approve_SendsExactlyOneResultMessage_WhenTheWorkerHoldsAGrant()
    {
        var (worker, id) = await api.ApplyAsync();
        await api.GrantAsync(worker);

        await api.ApproveAsync(id);
        Assert.Equal("pending", await api.OutboxStatusAsync(id, "application_approved"));
        await api.Factory.DispatchAsync();
        await api.Factory.DispatchAsync();

        var sent = Assert.Single(await api.SentMessagesAsync(worker.OpenId));
        Assert.Equal(NotificationTestKit.ResultTemplate, sent.GetProperty("templateId").GetString());
        Assert.Equal("已通过", sent.GetProperty("data").GetProperty("phrase1").GetString());
        Assert.Equal("sent", await api.OutboxStatusAsync(id, "application_approved"));
        Assert.Equal(0, await api.RemainingGrantsAsync(worker.OpenId));
        var inbox = await api.InboxAsync(worker.Token);
        Assert.Equal("入会申请已通过", inbox.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Approve_WithoutAGrant_RecordsNoGrant_AndTheInboxStillHoldsIt()
    {
        var (worker, id) = await api.ApplyAsync();

        await api.ApproveAsync(id);
        await api.Factory.DispatchAsync();

        Assert.Empty(await api.SentMessagesAsync(worker.OpenId));
        Assert.Equal("no_grant", await api.OutboxStatusAsync(id, "application_approved"));
        var inbox = await api.InboxAsync(worker.Token);
        var message = inbox.GetProperty("items")[0];
        Assert.Equal(id, message.GetProperty("applicationId").GetInt64());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());

        using var client = api.CreateClient(worker.Token);
        Assert.True((await client.PostAsync($"/api/me/messages/{message.GetProperty("id").GetInt64()}/read", null)).IsSuccessStatusCode);
        Assert.Equal(0, (await api.InboxAsync(worker.Token)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Inbox_IsPrivate_ToItsRecipient()
    {
        var (worker, id) = await api.ApplyAsync();
        await api.ApproveAsync(id);
        var messageId = (await api.InboxAsync(worker.Token)).GetProperty("items")[0].GetProperty("id").GetInt64();
        var other = await api.LoginWorkerAsync();

        using var client = api.CreateClient(other.Token);
        await (await client.PostAsync($"/api/me/messages/{messageId}/read", null)).AssertProblemAsync(System.Net.HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await api.InboxAsync(other.Token)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TwoWorkerProcesses_SendEachMessageOnce()
    {
        var workers = new List<TestPeople.Worker>();
        for (var i = 0; i < 6; i++)
        {
            var (worker, id) = await api.ApplyAsync(4);
            await api.GrantAsync(worker, count: 2);
            await api.ApproveAsync(id);
            workers.Add(worker);
        }
        await using var second = api.CreateFactory(_ => { });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? api.Factory : second).DispatchAsync()));

        foreach (var worker in workers)
        {
            Assert.Single(await api.SentMessagesAsync(worker.OpenId));
            Assert.Equal(1, await api.RemainingGrantsAsync(worker.OpenId));
        }
    }

    [Fact]
    public async Task Reject_AndTransfer_WriteTheirNotices_WithValuesShortenedToWeChatsLimits()
    {
        var (worker, id) = await api.ApplyAsync();
        await api.GrantAsync(worker, count: 2);
        long longUnionId;
        await using (var db = await api.Database.OpenAsync())
        {
            longUnionId = await db.ExecuteScalarAsync<long>("""
                INSERT INTO organizations (code, name, type, parent_id, path, region_code)
                VALUES (@code, '新平彝族傣族自治县桂山街道某某物流园区货车司机联合工会委员会', 'joint_union', 2, '', '530427001');
                SELECT LAST_INSERT_ID();
                """, new { code = "t-long-" + Guid.NewGuid().ToString("N")[..8] });
            await db.ExecuteAsync("UPDATE organizations SET path = CONCAT('/1/2/', id, '/') WHERE id = @longUnionId", new { longUnionId });
        }
        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        using var client = api.CreateClient(await api.StaffTokenAsync(reviewer));

        await (await client.PostAsJsonAsync($"/api/staff/applications/{id}/transfer", new { unionId = longUnionId, note = "属联合工会" }))
            .AssertOkJsonAsync();
        await (await client.PostAsJsonAsync($"/api/staff/applications/{id}/reject",
            new { reasonCode = "other", note = "请携带身份证原件到桂山街道司机之家现场核验后再提交申请" })).AssertOkJsonAsync();
        await api.Factory.DispatchAsync();

        var sent = await api.SentMessagesAsync(worker.OpenId);
        Assert.Equal(2, sent.Count);
        Assert.Equal(["已转办", "未通过"], sent.Select(m => m.GetProperty("data").GetProperty("phrase1").GetString()));
        Assert.All(sent, m => Assert.True(m.GetProperty("data").GetProperty("thing2").GetString()!.EnumerateRunes().Count() <= 20));
        Assert.Equal("sent", await api.OutboxStatusAsync(id, "application_rejected"));
    }

    [Fact]
    public async Task Notifications_NeverCarryTheIdNumberOrPhone_AndLogsNeverTheOpenId()
    {
        var worker = await api.LoginWorkerAsync();
        var (idNumber, phone) = (TestPeople.NewIdNumber(), TestPeople.NewPhone());
        var station = await api.CreateStationAsync(2);
        var id = (await api.SubmitAsync(worker, TestPeople.Form(idNumber, phone, stationScene: "s=" + station.Code))).GetProperty("id").GetInt64();
        await api.GrantAsync(worker);

        await api.ApproveAsync(id);
        await api.Factory.DispatchAsync();

        var sent = Assert.Single(await api.SentMessagesAsync(worker.OpenId)).GetRawText();
        await using var db = await api.Database.OpenAsync();
        var stored = string.Concat(await db.QueryAsync<string>("""
            SELECT CONCAT(o.fields, m.title, m.body) FROM notification_outbox o JOIN messages m ON m.outbox_id = o.id WHERE m.application_id = @id
            """, new { id }));
        foreach (var text in new[] { sent, stored })
        {
            Assert.DoesNotContain(idNumber, text);
            Assert.DoesNotContain(idNumber[^8..], text);
            Assert.DoesNotContain(phone, text);
        }
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(worker.OpenId));
    }
}
