namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>
/// One open application per WeChat account; a 身份证号 typed by someone else never blocks the person, and the answers
/// never tell a caller about an application or a membership that is not theirs.
/// </summary>
[Collection(ApplicationsCollection.Name)]
public sealed class OneOpenApplicationFacts(ApiFixture api)
{
    private async Task<HttpResponseMessage> PostAsync(TestPeople.Worker worker, object form, string? key = null)
    {
        using var client = api.CreateClient(worker.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(form) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PutAsync(TestPeople.Worker worker, long id, object form)
    {
        using var client = api.CreateClient(worker.Token);
        return await client.PutAsJsonAsync($"/api/applications/{id}", form);
    }

    private async Task<long> SubmitAsync(TestPeople.Worker worker, string idNumber, string? phone = null) =>
        (await api.SubmitAsync(worker, TestPeople.Form(idNumber, phone ?? TestPeople.NewPhone()))).GetProperty("id").GetInt64();

    private async Task RejectAsync(long id)
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var staff = api.CreateClient(await api.StaffTokenAsync(admin));
        await (await staff.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "info_incomplete" })).AssertOkJsonAsync();
    }

    private async Task<JsonElement> FlagsAsync(long id)
    {
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        using var staff = api.CreateClient(await api.StaffTokenAsync(admin));
        return (await (await staff.GetAsync($"/api/staff/applications/{id}")).AssertOkJsonAsync()).GetProperty("flags");
    }

    private static long[] ConflictIds(JsonElement flags) => flags.GetProperty("conflictIds").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>A member made from an application with a typed phone; the account binds <paramref name="accountPhone"/> if given.</summary>
    private async Task<(TestPeople.Worker Account, string IdNumber, string ApplicationPhone)> MemberAsync(string? accountPhone = null)
    {
        var account = await api.LoginWorkerAsync();
        if (accountPhone is not null) await api.BindPhoneAsync(account, accountPhone);
        var idNumber = TestPeople.NewIdNumber();
        var phone = TestPeople.NewPhone();
        await api.ApproveAsync(await SubmitAsync(account, idNumber, phone));
        return (account, idNumber, phone);
    }

    [Fact]
    public async Task Submit_ASecondOpenApplication_FromOneAccount_Answers409WithTheCallersOwnApplication()
    {
        var worker = await api.LoginWorkerAsync();
        var first = await SubmitAsync(worker, TestPeople.NewIdNumber());

        var response = await PostAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists");
        Assert.Equal(first, problem.GetProperty("applicationId").GetInt64());
    }

    [Fact]
    public async Task TwentyConcurrentSubmits_ForDifferentPeople_FromOneAccount_MakeExactlyOneApplication()
    {
        var worker = await api.LoginWorkerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            PostAsync(worker, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()), Guid.NewGuid().ToString())));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var id = (await created.AssertOkJsonAsync()).GetProperty("id").GetInt64();
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists");
            Assert.Equal(id, problem.GetProperty("applicationId").GetInt64());
        }
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE user_id = @UserId", new { worker.UserId }));
    }

    [Fact]
    public async Task Submit_ForAPersonWithAnotherAccountsOpenApplication_IsAccepted_AndTheCallerNeverSeesTheOtherApplication()
    {
        var idNumber = TestPeople.NewIdNumber();
        var squatter = await api.LoginWorkerAsync();
        var squatted = await SubmitAsync(squatter, idNumber);
        var person = await api.LoginWorkerAsync();

        var created = await (await PostAsync(person, TestPeople.Form(idNumber, TestPeople.NewPhone()))).AssertOkJsonAsync();
        var own = created.GetProperty("id").GetInt64();
        var again = await (await PostAsync(person, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone())))
            .AssertProblemAsync(HttpStatusCode.Conflict, "application_exists");
        using var client = api.CreateClient(person.Token);
        var mine = await (await client.GetAsync("/api/applications/mine")).AssertOkJsonAsync();

        Assert.NotEqual(squatted, own);
        Assert.Equal(own, again.GetProperty("applicationId").GetInt64());
        Assert.False(created.TryGetProperty("flags", out _));
        var listed = Assert.Single(mine.EnumerateArray()).GetProperty("application");
        Assert.Equal(own, listed.GetProperty("id").GetInt64());
        Assert.False(listed.TryGetProperty("flags", out _));
        Assert.Equal([own], ConflictIds(await FlagsAsync(squatted)));
        Assert.Equal([squatted], ConflictIds(await FlagsAsync(own)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Submit_ForAnActiveMember_FromAnAccountWhosePhoneDiffers_IsAcceptedAndFlaggedAlreadyMember(bool boundPhone)
    {
        var member = await MemberAsync();
        var other = await api.LoginWorkerAsync();
        if (boundPhone) await api.BindPhoneAsync(other, TestPeople.NewPhone());

        // A typed phone proves nothing: only the phone WeChat bound to the caller's account counts.
        var created = await (await PostAsync(other, TestPeople.Form(member.IdNumber, member.ApplicationPhone))).AssertOkJsonAsync();

        Assert.Equal("submitted", created.GetProperty("status").GetString());
        Assert.True((await FlagsAsync(created.GetProperty("id").GetInt64())).GetProperty("alreadyMember").GetBoolean());
    }

    [Fact]
    public async Task Submit_ForAnActiveMember_FromTheMembersOwnAccount_Answers409AlreadyMember()
    {
        var member = await MemberAsync();

        var response = await PostAsync(member.Account, TestPeople.Form(member.IdNumber, TestPeople.NewPhone()));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
    }

    [Fact]
    public async Task Submit_ForAnActiveMember_FromAnAccountBoundToThePhoneOfTheMembersApplication_Answers409AlreadyMember()
    {
        var member = await MemberAsync();
        var other = await api.LoginWorkerAsync();
        await api.BindPhoneAsync(other, member.ApplicationPhone);

        var response = await PostAsync(other, TestPeople.Form(member.IdNumber, phone: null));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
    }

    [Fact]
    public async Task Submit_ForAnActiveMember_FromAnAccountBoundToThePhoneOfTheMembersAccount_Answers409AlreadyMember()
    {
        var accountPhone = TestPeople.NewPhone();
        var member = await MemberAsync(accountPhone);
        var other = await api.LoginWorkerAsync();
        await api.BindPhoneAsync(other, accountPhone);

        var response = await PostAsync(other, TestPeople.Form(member.IdNumber, TestPeople.NewPhone()));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
    }

    [Fact]
    public async Task Resubmit_WhileTheAccountHasAnotherOpenApplication_Answers409WithThatApplication()
    {
        var worker = await api.LoginWorkerAsync();
        var rejected = await SubmitAsync(worker, TestPeople.NewIdNumber());
        await RejectAsync(rejected);
        var open = await SubmitAsync(worker, TestPeople.NewIdNumber());

        var response = await PutAsync(worker, rejected, TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "application_exists");
        Assert.Equal(open, problem.GetProperty("applicationId").GetInt64());
    }

    [Fact]
    public async Task Resubmit_ForAPersonWithAnotherAccountsOpenApplication_IsAcceptedAndBothAreFlagged()
    {
        var idNumber = TestPeople.NewIdNumber();
        var other = await SubmitAsync(await api.LoginWorkerAsync(), idNumber);
        var worker = await api.LoginWorkerAsync();
        var rejected = await SubmitAsync(worker, TestPeople.NewIdNumber());
        await RejectAsync(rejected);

        var resubmitted = await (await PutAsync(worker, rejected, TestPeople.Form(idNumber, TestPeople.NewPhone()))).AssertOkJsonAsync();

        Assert.Equal("submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal([other], ConflictIds(await FlagsAsync(rejected)));
        Assert.Equal([rejected], ConflictIds(await FlagsAsync(other)));
    }

    [Fact]
    public async Task Resubmit_ForAnActiveMember_IsFlaggedFromAnotherAccount_AndRefusedFromTheMembersPhone()
    {
        var member = await MemberAsync();
        var stranger = await api.LoginWorkerAsync();
        var strangers = await SubmitAsync(stranger, TestPeople.NewIdNumber());
        await RejectAsync(strangers);
        var samePhone = await api.LoginWorkerAsync();
        await api.BindPhoneAsync(samePhone, member.ApplicationPhone);
        var samePhones = await SubmitAsync(samePhone, TestPeople.NewIdNumber(), member.ApplicationPhone);
        await RejectAsync(samePhones);

        await (await PutAsync(stranger, strangers, TestPeople.Form(member.IdNumber, TestPeople.NewPhone()))).AssertOkJsonAsync();
        var refused = await PutAsync(samePhone, samePhones, TestPeople.Form(member.IdNumber, phone: null));

        Assert.True((await FlagsAsync(strangers)).GetProperty("alreadyMember").GetBoolean());
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "already_member");
    }
}
