namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>After a whole flow, neither the logs nor any text column of the database hold the clear 身份证号 or phone.</summary>
[Collection(ApplicationsCollection.Name)]
public sealed class PrivacyFacts(ApiFixture api)
{
    [Fact]
    public async Task WholeFlow_LeavesNoClearIdNumberOrPhone_InLogsOrDatabase()
    {
        var idNumber = TestPeople.NewIdNumber();
        var phone = TestPeople.NewPhone();
        var worker = await api.LoginWorkerAsync();
        using var workerClient = api.CreateClient(worker.Token);
        var phoneCode = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-codes", new { openid = worker.OpenId, phoneNumber = phone }))
            .AssertOkJsonAsync();
        await (await workerClient.PostAsJsonAsync("/api/me/phone", new { code = phoneCode.GetProperty("code").GetString() })).AssertOkJsonAsync();
        var application = await api.SubmitAsync(worker, TestPeople.Form(idNumber, phone));
        var id = application.GetProperty("id").GetInt64();
        // A rejected duplicate and a validation failure carrying the values must not leak them either.
        await (await workerClient.PostAsJsonAsync("/api/applications", TestPeople.Form(idNumber, phone))).Content.ReadAsStringAsync();
        var badForm = TestPeople.Form(idNumber, phone);
        badForm["ethnicity"] = "bad";
        await workerClient.PostAsJsonAsync("/api/applications", badForm);
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, 1);
        using var staff = api.CreateClient(await api.StaffTokenAsync(admin));
        await (await staff.PostAsync($"/api/staff/applications/{id}/reveal", null)).AssertOkJsonAsync();
        await (await staff.PostAsync($"/api/staff/applications/{id}/approve", null)).AssertOkJsonAsync();

        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(idNumber) || line.Contains(phone));

        await using var db = await api.Database.OpenAsync();
        var columns = await db.QueryAsync<(string Table, string Column)>("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext')
            """);
        var checkedColumns = 0;
        foreach (var (table, column) in columns)
        {
            var hits = await db.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM `{table}` WHERE `{column}` LIKE @IdNumber OR `{column}` LIKE @Phone",
                new { IdNumber = $"%{idNumber}%", Phone = $"%{phone}%" });
            Assert.True(hits == 0, $"{table}.{column} holds a clear value");
            checkedColumns++;
        }
        Assert.True(checkedColumns > 20);
    }
}
