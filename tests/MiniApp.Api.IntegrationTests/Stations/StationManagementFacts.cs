namespace MiniApp.Api.IntegrationTests.Stations;

[Collection(StationsCollection.Name)]
public sealed class StationManagementFacts(ApiFixture api)
{
    [Fact]
    public async Task Create_Update_Close_WritesEachChange_AndAnAuditRow()
    {
        var place = StationKit.NewPlace();
        using var reviewer = await api.StaffClientAsync(StaffRoles.UnionReviewer, 2);
        var code = StationKit.NewCode();

        var id = await reviewer.CreateAsync(StationKit.Body(code.ToLowerInvariant(), StationKit.Offset(place, 100, 0), "driver_home", ["charging"]));
        var created = await (await reviewer.GetAsync($"/api/staff/stations/{id}")).AssertOkJsonAsync();
        Assert.Equal(code, created.GetProperty("code").GetString());
        Assert.Equal(2, created.GetProperty("owningUnion").GetProperty("id").GetInt64());   // the reviewer's union by default
        Assert.Equal("active", created.GetProperty("status").GetString());

        var update = StationKit.Body(code, StationKit.Offset(place, 100, 0), "union_post", ["charging", "shower"], name: "改名后的驿站");
        var updated = await (await reviewer.PutAsJsonAsync($"/api/staff/stations/{id}", update)).AssertOkJsonAsync();
        Assert.Equal("改名后的驿站", updated.GetProperty("name").GetString());
        Assert.Equal(["charging", "shower"], updated.GetProperty("facilities").EnumerateArray().Select(f => f.GetString()));

        var closed = await (await reviewer.PostAsJsonAsync($"/api/staff/stations/{id}/status", new { status = "closed" })).AssertOkJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        await (await api.CreateClient().GetAsync($"/api/stations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        await (await api.CreateClient().GetAsync($"/api/stations/by-scene/s%3D{code}")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        await (await reviewer.GetAsync($"/api/staff/stations/{id}")).AssertOkJsonAsync();   // kept for history

        await using var db = await api.Database.OpenAsync();
        var audit = (await db.QueryAsync<(string Action, string Detail)>(
            "SELECT action, detail FROM audit_log WHERE entity_type = 'station' AND entity_id = @id ORDER BY id", new { id })).ToList();
        Assert.Equal(["station.created", "station.updated", "station.status_changed"], audit.Select(a => a.Action));
        Assert.Contains("\"name\"", audit[1].Detail);
        Assert.Contains("\"facilities\"", audit[1].Detail);
        Assert.DoesNotContain("改名后的驿站", audit[1].Detail);   // field names, not values
        Assert.Contains("\"to\":\"closed\"", audit[2].Detail);
    }

    [Fact]
    public async Task Create_WithACodeInUse_Answers409()
    {
        using var admin = await api.StaffClientAsync();
        var code = StationKit.NewCode();
        await admin.CreateAsync(StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0)));

        await (await admin.PostAsJsonAsync("/api/staff/stations", StationKit.Body(code.ToLowerInvariant(), StationKit.Offset(StationKit.NewPlace(), 0, 0))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "station_code_taken");
    }

    [Fact]
    public async Task Create_ChecksFieldsAndReferences_WithMessagesPerField()
    {
        using var admin = await api.StaffClientAsync();
        var body = new
        {
            code = "坏编码", name = "", type = "airport", address = "地址", regionCode = "530427999", latitude = 24.07, longitude = 181,
            facilities = new[] { "helipad" }, openingHours = new { allDay = false, weekly = new[] { new { days = new[] { 8 }, open = "08:00", close = "18:00" } } },
        };

        var problem = await (await admin.PostAsJsonAsync("/api/staff/stations", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "code", "name", "type", "longitude", "openingHours" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var references = new
        {
            code = StationKit.NewCode(), name = "驿站", type = "other", address = "地址", regionCode = "530427999", latitude = 24.07,
            longitude = 101.99, facilities = new[] { "helipad" }, owningUnionId = 99999
        };
        var second = await (await admin.PostAsJsonAsync("/api/staff/stations", references)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "regionCode", "facilities", "owningUnionId" }) Assert.True(second.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task ReviewerOfAnotherTownship_CannotSeeEditOrTakeOverAStation()
    {
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var gucheng = await api.StaffClientAsync(StaffRoles.UnionReviewer, 3);
        var code = StationKit.NewCode();
        var id = await guishan.CreateAsync(StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0)));
        var body = StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0));

        await (await gucheng.GetAsync($"/api/staff/stations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        await (await gucheng.PutAsJsonAsync($"/api/staff/stations/{id}", body)).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        await (await gucheng.PostAsJsonAsync($"/api/staff/stations/{id}/status", new { status = "closed" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        await (await gucheng.GetAsync($"/api/staff/stations/{id}/qrcode")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
        var list = await (await gucheng.GetAsync($"/api/staff/stations?q={code}")).AssertOkJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt64());
        // Nor may a reviewer give a station to a union outside their subtree.
        var elsewhere = StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0), owningUnionId: 3);
        var problem = await (await guishan.PutAsJsonAsync($"/api/staff/stations/{id}", elsewhere)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("owningUnionId", out _));

        var mine = await (await guishan.GetAsync($"/api/staff/stations?q={code}")).AssertOkJsonAsync();
        Assert.Equal(id, mine.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task CountyAdmin_ManagesEveryUnionsStations()
    {
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, 2);
        using var admin = await api.StaffClientAsync();
        var code = StationKit.NewCode();
        var id = await guishan.CreateAsync(StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0)));

        var moved = await (await admin.PutAsJsonAsync($"/api/staff/stations/{id}",
            StationKit.Body(code, StationKit.Offset(StationKit.NewPlace(), 0, 0), owningUnionId: 3))).AssertOkJsonAsync();

        Assert.Equal(3, moved.GetProperty("owningUnion").GetProperty("id").GetInt64());
        await (await guishan.GetAsync($"/api/staff/stations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "station_not_found");
    }

    [Fact]
    public async Task Worker_ReadsAStation_WithItsHoursAndFacilities()
    {
        using var admin = await api.StaffClientAsync();
        var id = await admin.CreateAsync(StationKit.Body(StationKit.NewCode(), StationKit.Offset(StationKit.NewPlace(), 0, 0), "driver_home",
            ["meal_heating", "parking"], new { allDay = true, afterHoursAccess = "scan_qr" }));

        var station = await (await api.CreateClient().GetAsync($"/api/stations/{id}")).AssertOkJsonAsync();

        Assert.Equal("driver_home", station.GetProperty("type").GetString());
        Assert.True(station.GetProperty("openingHours").GetProperty("allDay").GetBoolean());
        Assert.Equal("scan_qr", station.GetProperty("openingHours").GetProperty("afterHoursAccess").GetString());
        Assert.True(station.GetProperty("isOpenNow").GetBoolean());
        Assert.Equal(2, station.GetProperty("facilities").GetArrayLength());

        var options = await (await api.CreateClient().GetAsync("/api/stations/options")).AssertOkJsonAsync();
        Assert.Equal(14, options.GetProperty("facilities").GetArrayLength());
        Assert.Contains(options.GetProperty("facilities").EnumerateArray(), f => f.GetProperty("name").GetString() == "母婴室");
    }
}
