namespace MiniApp.Api.IntegrationTests.Applications;

[Collection(ApplicationsCollection.Name)]
public sealed class QueueFilterFacts(ApiFixture api)
{
    [Fact]
    public async Task Queue_FiltersByGroupTownshipAndDates()
    {
        // Routed to 平掌乡总工会 (13) by township: groups without an industry federation.
        var guard = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: "security_guard", township: "530427205"));
        var domestic = await api.SubmitAsync(await api.LoginWorkerAsync(),
            TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: "domestic_worker", township: "530427205"));
        var (username, _) = await api.CreateAsync(StaffRoles.UnionReviewer, 13);
        using var reviewer = api.CreateClient(await api.StaffTokenAsync(username));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));

        async Task<List<long>> Ids(string query) =>
            (await (await reviewer.GetAsync("/api/staff/applications?pageSize=100&" + query)).AssertOkJsonAsync())
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        var byGroup = await Ids("group=security_guard");
        Assert.Contains(guard.GetProperty("id").GetInt64(), byGroup);
        Assert.DoesNotContain(domestic.GetProperty("id").GetInt64(), byGroup);
        Assert.Contains(domestic.GetProperty("id").GetInt64(), await Ids("township=530427205"));
        Assert.Empty(await Ids("township=530427001"));
        Assert.Contains(guard.GetProperty("id").GetInt64(), await Ids($"from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Empty(await Ids($"to={today.AddDays(-1):yyyy-MM-dd}"));
    }
}
