using MiniApp.Api.Coverage.Bulletin;
using MiniApp.Api.IntegrationTests.Notifications;

namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

/// <summary>
/// Two Sundays of April 2034. Week of 04-03..04-09 against 04-02:
///   04-02: 桂山 truck 200/80, 古城 truck 300/100 (and 100 approvals that day, the week before); enterprises 4, 1 with a union.
///   04-09: 桂山 truck 200/90, 古城 truck 300/110, 扬武 courier 100/20, 漠沙 care 100/70; enterprises 4, 2 with a union.
///   approvals in the week: 3 (04-03) + 4 (04-06) + 5 (04-09) = 12.
/// So: members 290 (+110), 入会率 290/700 = 0.4143 against 0.36 (+0.0543), 建会率 0.5 against 0.25; furthest behind:
/// 扬武 0.2, 古城 0.3667, 桂山 0.45 and 快递员 0.2, 货车司机 0.4 (护工护理员 is ahead).
/// </summary>
[Collection(CoverageCollection.Name)]
public sealed class WeeklyBulletinFacts(ApiFixture api)
{
    // Monday 2034-04-10, 08:00 in China.
    private static readonly DateTimeOffset Monday = new(2034, 4, 10, 0, 0, 0, TimeSpan.Zero);

    private Task SeedAsync() => new CoverageSeed(api)
        .Day("2034-04-02").Day("2034-04-09")
        .Group("2034-04-02", "530427001", "truck_driver", workers: 200, members: 80, approved: 100)
        .Group("2034-04-02", "530427002", "truck_driver", workers: 300, members: 100)
        .Group("2034-04-03", "530427001", "truck_driver", workers: 200, members: 82, approved: 3)
        .Group("2034-04-06", "530427002", "truck_driver", workers: 300, members: 105, approved: 4)
        .Group("2034-04-09", "530427001", "truck_driver", workers: 200, members: 90, open: 6, approved: 5)
        .Group("2034-04-09", "530427002", "truck_driver", workers: 300, members: 110, open: 2)
        .Group("2034-04-09", "530427100", "courier", workers: 100, members: 20)
        .Group("2034-04-09", "530427101", "care_worker", workers: 100, members: 70)
        .Enterprises("2034-04-02", "530427001", "transport", "all_100plus", 4, 1)
        .Enterprises("2034-04-09", "530427001", "transport", "all_100plus", 4, 2)
        .SaveAsync();

    private async Task<List<(string Kind, string Title, string Body)>> MessagesAsync(long staffId)
    {
        await using var db = await api.Database.OpenAsync();
        return (await db.QueryAsync<(string, string, string)>(
            "SELECT kind, title, body FROM messages WHERE recipient_type = 'staff' AND recipient_id = @staffId AND kind = 'coverage_bulletin'",
            new { staffId })).ToList();
    }

    [Fact]
    public async Task Job_WritesOneBulletinPerEnabledCountyAdmin_AndASecondRunWritesNone()
    {
        await SeedAsync();
        var (adminName, adminId) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var (_, disabledId) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        var (_, reviewerId) = await api.CreateAsync(StaffRoles.UnionReviewer, 2);
        await using var db = await api.Database.OpenAsync();
        await db.ExecuteAsync("UPDATE staff SET disabled = 1 WHERE id = @disabledId", new { disabledId });
        var admins = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM staff WHERE role = 'county_admin' AND disabled = 0");
        await using var jobs = api.WithClock(new SettableClock(Monday));

        var first = 0;
        var second = -1;
        await jobs.RunJobAsync<WeeklyBulletinJob>(job => job.RunAsync(CancellationToken.None), n => first = n);
        await jobs.RunJobAsync<WeeklyBulletinJob>(job => job.RunAsync(CancellationToken.None), n => second = n);

        Assert.Equal((admins, 0), (first, second));
        var message = Assert.Single(await MessagesAsync(adminId));
        Assert.Contains("4月3日至4月9日", message.Title);
        Assert.Contains("全县在册会员290人，较上周+110人", message.Body);
        Assert.Contains("入会率41.43%（+5.43个百分点），距60%目标18.57个百分点", message.Body);
        Assert.Contains("百人以上企业建会率50.00%（+25.00个百分点）", message.Body);
        Assert.Contains("本周审核通过入会申请12份，待审核8份", message.Body);
        Assert.Contains("扬武镇20.00%、古城街道36.67%、桂山街道45.00%", message.Body);
        Assert.Contains("快递员20.00%、货车司机40.00%。", message.Body);
        Assert.Empty(await MessagesAsync(disabledId));
        Assert.Empty(await MessagesAsync(reviewerId));
        var outbox = await db.QuerySingleAsync<(string TemplateKey, string Kind)>(
            "SELECT template_key, kind FROM notification_outbox WHERE dedupe_key = @key", new { key = $"bulletin:{adminId}:2034-04-09" });
        Assert.Equal(("ReviewReminder", "coverage_bulletin"), outbox);

        var inbox = await api.InboxAsync(await api.StaffTokenAsync(adminName), "/api/staff/messages");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "coverage_bulletin");
    }

    [Fact]
    public async Task Job_WritesNothing_AndWarns_WhenTheSundayHasNoFigures()
    {
        await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        await using var jobs = api.WithClock(new SettableClock(new DateTimeOffset(2034, 4, 17, 0, 0, 0, TimeSpan.Zero)));

        var written = -1;
        await jobs.RunJobAsync<WeeklyBulletinJob>(job => job.RunAsync(CancellationToken.None), n => written = n);

        Assert.Equal(0, written);
        Assert.Contains(api.Logs.Lines, line => line.StartsWith("Warning") && line.Contains("Weekly bulletin not sent") && line.Contains("2034-04-16"));
    }

    [Fact]
    public async Task Get_AnswersTheBulletin_AsJsonAndXlsx()
    {
        await SeedAsync();
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        var bulletin = await (await admin.GetAsync("/api/staff/reports/bulletin?weekEnding=2034-04-09")).AssertOkJsonAsync();

        Assert.Equal(("2034-04-09", "2034-04-03", "2034-04-02"), (bulletin.GetProperty("weekEnding").GetString(),
            bulletin.GetProperty("weekStart").GetString(), bulletin.GetProperty("previousWeekEnding").GetString()));
        var members = bulletin.GetProperty("activeMembers");
        Assert.Equal((290L, 180L, 110L), (members.Long("current"), members.Long("previous"), members.Long("change")));
        var join = bulletin.GetProperty("joinRate");
        Assert.Equal((0.4143m, 0.36m, 0.0543m), (join.Decimal("current"), join.Decimal("previous"), join.Decimal("change")));
        var union = bulletin.GetProperty("unionRate");
        Assert.Equal((0.5m, 0.25m, 0.25m), (union.Decimal("current"), union.Decimal("previous"), union.Decimal("change")));
        Assert.Equal((12L, 8L), (bulletin.Long("approvedInWeek"), bulletin.Long("openApplications")));
        Assert.Equal(["530427100", "530427002", "530427001"],
            bulletin.GetProperty("townships").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal([0.4m, 0.2333m, 0.15m], bulletin.GetProperty("townships").EnumerateArray().Select(t => t.GetProperty("gapToTarget").GetDecimal()));
        Assert.Equal(["courier", "truck_driver"], bulletin.GetProperty("groups").EnumerateArray().Select(t => t.GetProperty("key").GetString()));

        var response = await admin.GetAsync("/api/staff/reports/bulletin.xlsx?weekEnding=2034-04-09");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("入会建会情况通报-2034-04-09.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = CoverageWorkbookFacts.Sheet(await response.Content.ReadAsByteArrayAsync(), BulletinWorkbook.Sheet);
        var membersRow = rows.Single(r => (r[0] as string) == "在册会员（人）");
        Assert.Equal([290L, 180L, 110L], membersRow[1..4].Select(c => Convert.ToInt64(c)));
        Assert.Contains(rows, r => (r[0] as string) == "扬武镇" && Convert.ToInt64(r[3]) == 20 && (r[4] as string) == "20.00%");
    }

    [Theory]
    [InlineData("weekEnding=2034-04-10", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("weekEnding=2034-04-16", HttpStatusCode.NotFound, "coverage_not_ready")]
    public async Task Get_RefusesAWeekdayOrASundayWithoutFigures(string query, HttpStatusCode status, string code)
    {
        using var admin = await api.StaffAsync(StaffRoles.CountyAdmin, 1);

        await (await admin.GetAsync("/api/staff/reports/bulletin?" + query)).AssertProblemAsync(status, code);
    }
}
