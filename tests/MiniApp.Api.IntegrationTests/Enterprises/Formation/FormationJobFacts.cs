using MiniApp.Api.Enterprises.Formation;
using MiniApp.Api.IntegrationTests.Notifications;

namespace MiniApp.Api.IntegrationTests.Enterprises.Formation;

[Collection(EnterprisesCollection.Name)]
public sealed class FormationJobFacts(ApiFixture api)
{
    private async Task<(string Token, long Id)> StaffAsync(string role, long unionId = 1, string? department = null)
    {
        var (username, id) = await api.CreateAsync(role, unionId, department);
        return (await api.StaffTokenAsync(username), id);
    }

    private async Task<List<JsonElement>> MessagesAsync(string token, string kind) =>
        (await api.InboxAsync(token, "/api/staff/messages")).GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == kind).ToList();

    private static DateTimeOffset ChinaMorning(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8));

    [Fact]
    public async Task DeadlineReminder_TellsTheResponsibleStaffMemberOnce_AfterTheDeadline_UnlessAnswered()
    {
        using var admin = await api.AdminClientAsync();
        var (token, responsibleId) = await StaffAsync(StaffRoles.UnionReviewer, 2);
        var (answeredToken, answeredResponsibleId) = await StaffAsync(StaffRoles.DepartmentViewer, 1, "transport");
        var today = FormationKit.Today;
        var deadline = today.AddDays(3);
        var overdueId = await api.InsertAsync(new TestEnterprises.Spec(Name: "超期测试公司"));
        var answeredId = await api.InsertAsync();
        await admin.RecordAsync(overdueId, "survey_visit", servedOn: today.AddDays(-1), deadline: deadline, responsibleStaffId: responsibleId);
        await admin.RecordAsync(answeredId, "survey_visit", servedOn: today.AddDays(-1), answeredOn: today, deadline: deadline,
            responsibleStaffId: answeredResponsibleId);

        await using (var onTheDeadline = api.WithClock(new SettableClock(ChinaMorning(deadline))))
            await onTheDeadline.RunJobAsync<FormationDeadlineReminderJob>(job => job.RunAsync(CancellationToken.None));
        Assert.Empty(await MessagesAsync(token, FormationNotifications.DeadlineKind));

        await using var dayAfter = api.WithClock(new SettableClock(ChinaMorning(deadline.AddDays(1))));
        var first = 0;
        var second = 0;
        await dayAfter.RunJobAsync<FormationDeadlineReminderJob>(job => job.RunAsync(CancellationToken.None), n => first = n);
        await dayAfter.RunJobAsync<FormationDeadlineReminderJob>(job => job.RunAsync(CancellationToken.None), n => second = n);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var message = Assert.Single(await MessagesAsync(token, FormationNotifications.DeadlineKind));
        Assert.Contains("超期测试公司", message.GetProperty("body").GetString());
        Assert.Contains("摸底走访", message.GetProperty("body").GetString());
        Assert.Equal($"pages/staff/enterprises/detail?id={overdueId}", message.GetProperty("page").GetString());
        Assert.Empty(await MessagesAsync(answeredToken, FormationNotifications.DeadlineKind));
        Assert.Equal(1, await api.ScalarAsync<int>("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key LIKE 'formation-deadline:%' AND recipient_id = @responsibleId",
            new { responsibleId }));
    }

    [Fact]
    public async Task DeadlineReminder_SkipsStepsNoLongerCurrent_AndDisabledStaff()
    {
        using var admin = await api.AdminClientAsync();
        var (movedOnToken, movedOnId) = await StaffAsync(StaffRoles.UnionReviewer, 2);
        var (_, disabledId) = await StaffAsync(StaffRoles.UnionReviewer, 2);
        var today = FormationKit.Today;
        var movedOn = await api.InsertAsync();
        var disabled = await api.InsertAsync();
        await admin.RecordAsync(movedOn, "survey_visit", deadline: today, responsibleStaffId: movedOnId);
        await admin.RecordAsync(movedOn, "reminder_letter");
        await admin.RecordAsync(disabled, "survey_visit", deadline: today, responsibleStaffId: disabledId);
        await api.ExecuteAsync("UPDATE staff SET disabled = 1 WHERE id = @disabledId", new { disabledId });

        await using var later = api.WithClock(new SettableClock(ChinaMorning(today.AddDays(5))));
        await later.RunJobAsync<FormationDeadlineReminderJob>(job => job.RunAsync(CancellationToken.None));

        Assert.Empty(await MessagesAsync(movedOnToken, FormationNotifications.DeadlineKind));
        Assert.Equal(0, await api.ScalarAsync<int>("SELECT COUNT(*) FROM messages WHERE recipient_type = 'staff' AND recipient_id = @disabledId",
            new { disabledId }));
    }

    [Fact]
    public async Task DepartmentDigest_GoesToTheDepartmentsViewersOnly_OncePerWeek()
    {
        using var admin = await api.AdminClientAsync();
        var (viewerToken, _) = await StaffAsync(StaffRoles.DepartmentViewer, 1, "education_sports");
        var (otherViewerToken, _) = await StaffAsync(StaffRoles.DepartmentViewer, 1, "culture_tourism");
        var (adminToken, _) = await StaffAsync(StaffRoles.CountyAdmin);
        var (reviewerToken, _) = await StaffAsync(StaffRoles.UnionReviewer, 2);
        var stalled = await api.InsertAsync(new TestEnterprises.Spec(Name: "停滞民办学校", Department: "education_sports"));
        var moving = await api.InsertAsync(new TestEnterprises.Spec(Name: "推进中民办学校", Department: "education_sports"));
        var established = await api.InsertAsync(new TestEnterprises.Spec(Name: "已建会民办学校", Department: "education_sports", UnionStatus: "established"));
        await api.InsertAsync(new TestEnterprises.Spec(Name: "新登记酒店", Department: "culture_tourism"));
        await admin.RecordAsync(moving, "survey_visit");
        await api.ExecuteAsync("""
            UPDATE enterprises SET created_at = UTC_TIMESTAMP(6) - INTERVAL 30 DAY,
                step_changed_at = CASE WHEN id = @moving THEN UTC_TIMESTAMP(6) - INTERVAL 2 DAY END
            WHERE id IN (@stalled, @moving, @established)
            """, new { stalled, moving, established });

        var now = DateTimeOffset.UtcNow;
        await using (var thisWeek = api.WithClock(new SettableClock(now)))
        {
            await thisWeek.RunJobAsync<DepartmentDigestJob>(job => job.RunAsync(CancellationToken.None));
            var again = -1;
            await thisWeek.RunJobAsync<DepartmentDigestJob>(job => job.RunAsync(CancellationToken.None), n => again = n);
            Assert.Equal(0, again);
        }

        var digest = Assert.Single(await MessagesAsync(viewerToken, FormationNotifications.DigestKind));
        var body = digest.GetProperty("body").GetString()!;
        Assert.Contains("1家企业", body);
        Assert.Contains("停滞民办学校", body);
        Assert.DoesNotContain("推进中民办学校", body);
        Assert.DoesNotContain("已建会民办学校", body);
        Assert.Empty(await MessagesAsync(otherViewerToken, FormationNotifications.DigestKind));
        Assert.Empty(await MessagesAsync(adminToken, FormationNotifications.DigestKind));
        Assert.Empty(await MessagesAsync(reviewerToken, FormationNotifications.DigestKind));

        await using var nextWeek = api.WithClock(new SettableClock(now.AddDays(7)));
        await nextWeek.RunJobAsync<DepartmentDigestJob>(job => job.RunAsync(CancellationToken.None));
        Assert.Equal(2, (await MessagesAsync(viewerToken, FormationNotifications.DigestKind)).Count);
    }
}
