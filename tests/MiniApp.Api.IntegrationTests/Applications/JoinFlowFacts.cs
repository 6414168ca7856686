namespace MiniApp.Api.IntegrationTests.Applications;

/// <summary>The whole join flow over HTTP: scene → login → phone → apply → review → card → verify.</summary>
[Collection(ApplicationsCollection.Name)]
public sealed class JoinFlowFacts(ApiFixture api)
{
    [Fact]
    public async Task DriverAtGuishanStation_BecomesAMember_WithAVerifiableCard()
    {
        var station = await api.CreateStationAsync(owningUnionId: 2);
        var idNumber = TestPeople.NewIdNumber();
        var phone = TestPeople.NewPhone();

        // The QR names the station and the union its applications go to.
        using var anonymous = api.CreateClient();
        var scene = await (await anonymous.GetAsync($"/api/stations/by-scene/{Uri.EscapeDataString("s=" + station.Code)}")).AssertOkJsonAsync();
        Assert.Equal(2, scene.GetProperty("receivingUnion").GetProperty("id").GetInt64());

        // Log in, bind the phone through WeChat's phone-number button.
        var worker = await api.LoginWorkerAsync();
        var phoneCode = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-codes", new { openid = worker.OpenId, phoneNumber = phone }))
            .AssertOkJsonAsync();
        using var workerClient = api.CreateClient(worker.Token);
        var bound = await (await workerClient.PostAsJsonAsync("/api/me/phone", new { code = phoneCode.GetProperty("code").GetString() })).AssertOkJsonAsync();
        Assert.Equal(phone[..3] + "****" + phone[^4..], bound.GetProperty("phoneMasked").GetString());

        // Apply without typing the phone: the bound one is used.
        var application = await api.SubmitAsync(worker, TestPeople.Form(idNumber, phone: null, stationScene: "s=" + station.Code), Guid.NewGuid().ToString());
        var applicationId = application.GetProperty("id").GetInt64();
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal("station_union", application.GetProperty("receivingUnion").GetProperty("rule").GetString());
        Assert.Equal(idNumber[..4] + "**********" + idNumber[^4..], application.GetProperty("idNumberMasked").GetString());

        // The reviewer of 桂山街道总工会 sees it in the queue, masked.
        var (reviewer, _) = await api.CreateAsync(StaffRoles.UnionReviewer, unionId: 2);
        using var reviewerClient = api.CreateClient(await api.StaffTokenAsync(reviewer));
        var queueBody = await (await reviewerClient.GetAsync($"/api/staff/applications?stationId={station.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"\"id\":{applicationId}", queueBody);
        Assert.DoesNotContain(idNumber, queueBody);
        Assert.DoesNotContain(phone, queueBody);

        // Approve: the worker is a member of the receiving union.
        var approved = await (await reviewerClient.PostAsync($"/api/staff/applications/{applicationId}/approve", null)).AssertOkJsonAsync();
        var memberNumber = approved.GetProperty("memberNumber").GetString()!;
        Assert.Matches(@"^XP\d{4}\d{7}$", memberNumber);

        var me = await (await workerClient.GetAsync("/api/me")).AssertOkJsonAsync();
        Assert.True(me.GetProperty("isMember").GetBoolean());
        Assert.Equal("approved", me.GetProperty("application").GetProperty("status").GetString());

        var card = await (await workerClient.GetAsync("/api/me/membership")).AssertOkJsonAsync();
        Assert.Equal(memberNumber, card.GetProperty("memberNumber").GetString());
        Assert.Equal("桂山街道总工会", card.GetProperty("union").GetProperty("name").GetString());
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")),
            DateOnly.Parse(card.GetProperty("joinedOn").GetString()!));

        // A station keeper scans the card.
        var (keeper, _) = await api.CreateAsync(StaffRoles.StationKeeper, unionId: 2);
        using var keeperClient = api.CreateClient(await api.StaffTokenAsync(keeper));
        var verified = await (await keeperClient.PostAsJsonAsync("/api/staff/members/verify",
            new { code = card.GetProperty("verification").GetProperty("code").GetString() })).AssertOkJsonAsync();
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(memberNumber, verified.GetProperty("memberNumber").GetString());
        Assert.Equal("张**", verified.GetProperty("nameMasked").GetString());
    }

    [Fact]
    public async Task Verify_SaysInvalid_WhenTheCodeIsForged()
    {
        var (keeper, _) = await api.CreateAsync(StaffRoles.StationKeeper, unionId: 2);
        using var keeperClient = api.CreateClient(await api.StaffTokenAsync(keeper));

        var verified = await (await keeperClient.PostAsJsonAsync("/api/staff/members/verify", new { code = "m1.9999999999.AAAAAAAAAAAAAAAAAAAAAA" }))
            .AssertOkJsonAsync();

        Assert.False(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("invalid_code", verified.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Membership_Answers404NotAMember_BeforeApproval()
    {
        var worker = await api.LoginWorkerAsync();
        using var client = api.CreateClient(worker.Token);
        await (await client.GetAsync("/api/me/membership")).AssertProblemAsync(HttpStatusCode.NotFound, "not_a_member");
    }

    [Fact]
    public async Task BindPhone_AcceptsTheLegacyEncryptedData_OpenedWithTheStoredSessionKey()
    {
        var worker = await api.LoginWorkerAsync();
        var phone = TestPeople.NewPhone();
        var data = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-data", new { openid = worker.OpenId, phoneNumber = phone }))
            .AssertOkJsonAsync();
        using var client = api.CreateClient(worker.Token);

        var bound = await (await client.PostAsJsonAsync("/api/me/phone", new
        {
            encryptedData = data.GetProperty("encryptedData").GetString(),
            iv = data.GetProperty("iv").GetString(),
        })).AssertOkJsonAsync();

        Assert.Equal(phone[..3] + "****" + phone[^4..], bound.GetProperty("phoneMasked").GetString());
    }

    [Fact]
    public async Task BindPhone_Answers400_WhenTheSessionKeyRotatedSinceLogin()
    {
        var worker = await api.LoginWorkerAsync();
        await api.NewLoginCodeAsync(worker.OpenId); // a newer wx.login rotates the session key on WeChat's side
        var data = await (await api.Sandbox.Client.PostAsJsonAsync("/__sandbox/phone-data", new { openid = worker.OpenId, phoneNumber = TestPeople.NewPhone() }))
            .AssertOkJsonAsync();
        using var client = api.CreateClient(worker.Token);

        var response = await client.PostAsJsonAsync("/api/me/phone", new
        {
            encryptedData = data.GetProperty("encryptedData").GetString(),
            iv = data.GetProperty("iv").GetString(),
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "phone_data_invalid");
    }

    [Fact]
    public async Task StationByScene_Answers404_ForAnUnknownStation()
    {
        using var client = api.CreateClient();
        await (await client.GetAsync("/api/stations/by-scene/s%3DNOPE99")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
    }
}
