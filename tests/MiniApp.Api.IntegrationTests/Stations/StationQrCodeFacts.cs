using System.IO.Compression;

namespace MiniApp.Api.IntegrationTests.Stations;

[Collection(StationsCollection.Name)]
public sealed class StationQrCodeFacts(ApiFixture api)
{
    private const string GetWxaCodeUnlimit = "getwxacodeunlimit";

    // The sandbox draws "https://sandbox.invalid/{page}?scene={scene}" as a real QR code.
    private static string JoinLink(string code, string page = "pages/join/index") => $"https://sandbox.invalid/{page}?scene=s={code}";

    private async Task<(long Id, string Code)> StationAsync(HttpClient admin, long unionId = 1, string region = "530427001", string? name = null)
    {
        var code = StationKit.NewCode();
        var body = StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0), owningUnionId: unionId, name: name ?? "二维码驿站");
        var id = await admin.CreateAsync(body);
        if (region != "530427001")
        {
            await using var db = await api.Database.OpenAsync();
            await db.ExecuteAsync("UPDATE stations SET region_code = @region WHERE id = @id", new { region, id });
        }
        return (id, code);
    }

    [Fact]
    public async Task QrCode_ScansAsTheJoinPage_WithTheStationsScene()
    {
        using var admin = await api.StaffClientAsync();
        var (id, code) = await StationAsync(admin);

        var response = await admin.GetAsync($"/api/staff/stations/{id}/qrcode");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.True(QrImage.IsPng(png));
        Assert.True(QrImage.Encodes(png, JoinLink(code)));
        Assert.False(QrImage.Encodes(png, JoinLink(StationKit.NewCode())));
        Assert.False(QrImage.Encodes(png, JoinLink(code, "pages/index/index")));
    }

    [Fact]
    public async Task QrCode_IsStored_AndMadeAgainOnlyForAnotherPageOrEnvironment()
    {
        using var admin = await api.StaffClientAsync();
        var (id, code) = await StationAsync(admin);
        var first = await (await admin.GetAsync($"/api/staff/stations/{id}/qrcode")).Content.ReadAsByteArrayAsync();
        await using var db = await api.Database.OpenAsync();
        // Change the stored copy: an answer with these bytes can only have come from the store, not from WeChat.
        await db.ExecuteAsync("UPDATE station_qrcodes SET image = CONCAT(image, 'stored') WHERE station_id = @id", new { id });

        var second = await (await admin.GetAsync($"/api/staff/stations/{id}/qrcode")).Content.ReadAsByteArrayAsync();

        Assert.Equal([.. first, .. "stored"u8.ToArray()], second);
        await using var trial = api.CreateFactory(b => b.UseSetting("Stations:QrPage", "pages/station/join").UseSetting("Stations:QrEnvVersion", "trial"));
        using var trialAdmin = trial.CreateClient();
        trialAdmin.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var third = await (await trialAdmin.GetAsync($"/api/staff/stations/{id}/qrcode")).Content.ReadAsByteArrayAsync();
        Assert.True(QrImage.Encodes(third, JoinLink(code, "pages/station/join")));
        Assert.Equal(["pages/join/index|release", "pages/station/join|trial"], await db.QueryAsync<string>(
            "SELECT CONCAT(page, '|', env_version) FROM station_qrcodes WHERE station_id = @id ORDER BY page", new { id }));
    }

    [Fact]
    public async Task QrCode_WeChatRefusal_IsAProblemWithTheErrcode_AndNothingIsStored()
    {
        using var admin = await api.StaffClientAsync();
        var (id, _) = await StationAsync(admin);
        await api.InjectFaultAsync(GetWxaCodeUnlimit, errcode: 41030);

        var problem = await (await admin.GetAsync($"/api/staff/stations/{id}/qrcode")).AssertProblemAsync(HttpStatusCode.BadGateway, "qrcode_rejected");

        Assert.Equal(41030, problem.GetProperty("errcode").GetInt32());
        await using var db = await api.Database.OpenAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM station_qrcodes WHERE station_id = @id", new { id }));
        Assert.True(QrImage.IsPng(await (await admin.GetAsync($"/api/staff/stations/{id}/qrcode")).Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task QrCode_WeChatBusy_IsWeChatUnavailable_WithRetryAfter()
    {
        using var admin = await api.StaffClientAsync();
        var (id, _) = await StationAsync(admin);
        await api.InjectFaultAsync(GetWxaCodeUnlimit, errcode: -1, times: 2);   // the first try and the one retry (WeChat:MaxRetries=1)

        var response = await admin.GetAsync($"/api/staff/stations/{id}/qrcode");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
        // Also uses up a fault the client might have left (it would retry past it): the next test starts clean.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/staff/stations/{id}/qrcode")).StatusCode);
    }

    [Fact]
    public async Task Zip_HoldsEveryActiveStationInScopeAndRegion_NamedByCodeAndName()
    {
        using var admin = await api.StaffClientAsync();
        var (_, codeA) = await StationAsync(admin, unionId: 13, region: "530427205", name: "平掌甲站");
        var (_, codeB) = await StationAsync(admin, unionId: 13, region: "530427204", name: "者竜/乙站");
        var (c, _) = await StationAsync(admin, unionId: 13, region: "530427205", name: "暂停的站");
        (await admin.PostAsJsonAsync($"/api/staff/stations/{c}/status", new { status = "suspended" })).EnsureSuccessStatusCode();
        using var pingzhang = await api.StaffClientAsync(StaffRoles.StationKeeper, 13);

        var all = await ZipEntriesAsync(await pingzhang.GetAsync("/api/staff/stations/qrcodes.zip"));
        var region = await ZipEntriesAsync(await pingzhang.GetAsync("/api/staff/stations/qrcodes.zip?region=530427205"));

        Assert.Equal(new[] { $"{codeA}-平掌甲站.png", $"{codeB}-者竜_乙站.png" }.Order(StringComparer.Ordinal), all.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(all.Keys, k => k.Contains("暂停的站"));
        Assert.True(QrImage.Encodes(all[$"{codeA}-平掌甲站.png"], JoinLink(codeA)));
        Assert.True(QrImage.Encodes(all[$"{codeB}-者竜_乙站.png"], JoinLink(codeB)));
        Assert.Contains($"{codeA}-平掌甲站.png", region.Keys);
        Assert.DoesNotContain(region.Keys, k => k.StartsWith(codeB));

    }

    [Fact]
    public async Task Zip_WeChatRefusal_AnswersAProblemBeforeAnyByte()
    {
        using var admin = await api.StaffClientAsync();
        await StationAsync(admin, unionId: 12, region: "530427204");
        using var zhelong = await api.StaffClientAsync(StaffRoles.UnionReviewer, 12);
        await api.InjectFaultAsync(GetWxaCodeUnlimit, errcode: 45009);

        await (await zhelong.GetAsync("/api/staff/stations/qrcodes.zip")).AssertProblemAsync(HttpStatusCode.BadGateway, "qrcode_rejected");
        Assert.Equal(HttpStatusCode.OK, (await zhelong.GetAsync("/api/staff/stations/qrcodes.zip")).StatusCode);
    }

    private static async Task<Dictionary<string, byte[]>> ZipEntriesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }
}
